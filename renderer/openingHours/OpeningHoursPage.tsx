// Settings → Clients → Opening hours: each of the manager's locations, its weekly hours and
// closed dates on the location's clock, and the automatic reply clients get outside them.
import { SettingsPage } from '../settings/SettingsPage';
import { LocationHoursCard } from './LocationHoursCard';
import { useOpeningHours } from './useOpeningHours';
import '../styles/openingHours.css';

export function OpeningHoursPage() {
  const { locations, loadError, save } = useOpeningHours();
  return (
    <SettingsPage
      title="Opening hours"
      lead="When each location is open, and the automatic reply clients get when they write outside those hours."
    >
      {loadError && (
        <p className="notice notice--error" role="alert">
          {loadError}
        </p>
      )}
      {locations === null
        ? !loadError && (
            <p className="settings-page__loading" role="status">
              Loading opening hours…
            </p>
          )
        : locations.map((location) => <LocationHoursCard key={location.locationId} location={location} onSave={save} />)}
    </SettingsPage>
  );
}
