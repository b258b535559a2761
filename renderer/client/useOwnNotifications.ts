// The client's own notification preferences: loaded on (re)connect, followed live (the salon or
// another device may change them), and switched one at a time. A refusal names every switch
// that can't be on, each beside its switch.
import { useCallback, useEffect, useState } from 'react';
import type { OwnNotifications } from '../../shared/clientProfile';
import { fieldProblemsOf, problemsSummary, type FieldProblems } from '../api/errors';
import { describeClientError } from './clientErrors';
import type { ClientApi } from './clientApi';

export const CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof CHANNELS)[number];

export function useOwnNotifications(api: ClientApi) {
  const [current, setCurrent] = useState<OwnNotifications | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<FieldProblems<NotificationChannel>>({});

  useEffect(() => {
    const unsubscribers = [
      api.whenConnected(() => {
        void api.request('notifications:get', {}).then((result) => {
          if (result.ok) setCurrent(result.data);
        });
      }),
      api.subscribe('notifications:updated', (pushed) =>
        setCurrent((known) => (known && known.version > pushed.version ? known : pushed)),
      ),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api]);

  const set = useCallback(
    async (change: { email?: boolean; sms?: boolean }) => {
      if (!current) return;
      const wanted = { email: change.email ?? current.email, sms: change.sms ?? current.sms };
      // The box shows the choice at once; a refusal puts it back and says why.
      setCurrent({ ...current, ...wanted });
      setSaving(true);
      setSaved(false);
      const result = await api.request('notifications:update', wanted);
      setSaving(false);
      if (result.ok) {
        setCurrent(result.data);
        setError(null);
        setProblems({});
        setSaved(true);
      } else {
        setCurrent(current);
        const found = result.error.code === 'bad_request' ? fieldProblemsOf(result.error.details, CHANNELS) : {};
        setProblems(found);
        setError(problemsSummary(found) ?? describeClientError(result.error));
      }
    },
    [api, current],
  );

  return { current, saving, error, problems, saved, set };
}
