// Above the conversation list: the views (Open, Mine, Unassigned, Snoozed, Done, All) with how
// many conversations each holds, the location (for members of more than one) and "Unread only".
// The counts are of the chosen location, or of all the member's locations.
import type { Location } from '../../shared/domain';
import type { LocationCounts } from '../../shared/triageEvents';
import '../styles/inboxViews.css';
import { viewCounts } from './inboxCounts';
import { INBOX_VIEWS, type ListFilter } from './inboxViews';

interface InboxViewsProps {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  /** Per location; null until the server first answered. */
  counts: readonly LocationCounts[] | null;
  locations: readonly Location[];
}

export function InboxViews({ filter, onChange, counts, locations }: InboxViewsProps) {
  const shown = counts && viewCounts(counts, filter.locationId);
  return (
    <div className="inbox-views">
      <nav aria-label="Views">
        <ul className="inbox-views__tabs">
          {INBOX_VIEWS.map(({ view, label }) => (
            <li key={view}>
              <button
                type="button"
                className="inbox-views__tab"
                aria-current={view === filter.view ? 'true' : undefined}
                onClick={() => onChange({ ...filter, view })}
              >
                {label}
                {shown && <span className="inbox-views__count">{shown[view]}</span>}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="inbox-views__filters">
        {locations.length > 1 && (
          <select
            className="inbox-views__location"
            aria-label="Location"
            value={filter.locationId ?? ''}
            onChange={(event) => onChange({ ...filter, locationId: event.target.value === '' ? null : Number(event.target.value) })}
          >
            <option value="">All locations{counts ? ` (${viewCounts(counts, null)[filter.view]})` : ''}</option>
            {locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
                {counts ? ` (${viewCounts(counts, location.id)[filter.view]})` : ''}
              </option>
            ))}
          </select>
        )}
        <label className="inbox-views__unread">
          <input type="checkbox" checked={filter.unreadOnly} onChange={(event) => onChange({ ...filter, unreadOnly: event.target.checked })} />
          Unread only
        </label>
      </div>
    </div>
  );
}
