// Adding a team member: who they are, the password they first sign in with (they can change it
// on their Profile page), their permission group and locations.
import { useCallback, useState } from 'react';
import type { TeamMember } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';
import { newPasswordSchema } from '../../shared/http';
import { describeError } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { memberDraftProblem, withLocation, type MemberDraft } from './members';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function useNewMember(locations: Location[], onSaved: (member: TeamMember) => void) {
  const { api } = useStaff();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [draft, setDraft] = useState<MemberDraft>({ groupId: null, locationIds: [] });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const setGroup = useCallback((groupId: number | null) => setDraft((current) => ({ ...current, groupId })), []);
  const setLocation = useCallback(
    (locationId: number, on: boolean) => setDraft((current) => withLocation(current, locationId, on, locations)),
    [locations],
  );

  /** The first thing to put right, in the order the form asks. */
  const problem = (): string | null => {
    if (name.trim() === '') return 'Give their name.';
    if (!EMAIL.test(email.trim())) return 'Enter a valid email address.';
    const passwordCheck = newPasswordSchema.safeParse(password);
    if (!passwordCheck.success) return `Their first password: ${passwordCheck.error.issues[0]?.message ?? 'choose another.'}`;
    return memberDraftProblem(draft);
  };

  const save = async () => {
    const found = problem();
    if (found || draft.groupId === null) {
      setError(found);
      return;
    }
    setSaving(true);
    setError(null);
    const result = await api.request('member:create', { name, email, password, groupId: draft.groupId, locationIds: draft.locationIds });
    setSaving(false);
    if (result.ok) onSaved(result.data);
    else setError(describeError(result.error));
  };

  return { name, setName, email, setEmail, password, setPassword, draft, setGroup, setLocation, saving, error, save };
}
