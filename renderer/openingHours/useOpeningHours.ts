// The opening-hours page's data: each of the manager's locations, fetched on every (re)connect,
// and a save per location that names the version it was edited from. A stale save comes back
// as a conflict carrying the current settings, which replace the form's so nothing is lost
// silently: the manager sees what is saved now and edits again.
import { useCallback, useEffect, useState } from 'react';
import type { LocationHours } from '../../shared/openingHours';
import { locationHoursStateSchema, type LocationHoursState } from '../../shared/openingHoursEvents';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';

export type SaveOutcome = { saved: LocationHoursState } | { error: string; current?: LocationHoursState };

export function useOpeningHours() {
  const { api } = useStaff();
  const [locations, setLocations] = useState<LocationHoursState[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(
    () =>
      api.whenConnected(() => {
        void api.request('openingHours:list', {}).then((result) => {
          if (result.ok) {
            setLocations(result.data.locations);
            setLoadError(null);
          } else setLoadError(describeError(result.error));
        });
      }),
    [api],
  );

  const replace = useCallback((state: LocationHoursState) => {
    setLocations((current) => current?.map((location) => (location.locationId === state.locationId ? state : location)) ?? null);
  }, []);

  const save = useCallback(
    async (locationId: number, settings: LocationHours, baseVersion: number): Promise<SaveOutcome> => {
      const result = await api.request('openingHours:update', { locationId, settings, baseVersion });
      if (result.ok) {
        replace(result.data);
        return { saved: result.data };
      }
      if (result.error.code === 'conflict') {
        const current = locationHoursStateSchema.safeParse(result.error.details);
        if (current.success) {
          replace(current.data);
          return { error: 'Someone else saved these opening hours meanwhile. Their version is shown now: make your change again.', current: current.data };
        }
      }
      return { error: describeError(result.error) };
    },
    [api, replace],
  );

  return { locations, loadError, save };
}
