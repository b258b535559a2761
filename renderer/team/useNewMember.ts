// Adding a team member: who they are, the password they first sign in with (they can change it
// on their Profile page), their permission group and locations.
import { useCallback, useState } from 'react';
import type { TeamMember } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';
import { describeError, fieldProblemsOf, problemsSummary, type FieldProblems } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { withLocation, type MemberDraft } from './members';
import { NEW_MEMBER_FIELDS, newMemberProblems, type NewMemberField } from './newMemberProblems';

export function useNewMember(locations: Location[], onSaved: (member: TeamMember) => void) {
  const { api } = useStaff();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [draft, setDraft] = useState<MemberDraft>({ groupId: null, locationIds: [] });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblems<NewMemberField>>({});

  const setGroup = useCallback((groupId: number | null) => setDraft((current) => ({ ...current, groupId })), []);
  const setLocation = useCallback(
    (locationId: number, on: boolean) => setDraft((current) => withLocation(current, locationId, on, locations)),
    [locations],
  );

  const save = async () => {
    // Every problem at once, each beside its field: one save tells the manager all of them.
    const found = newMemberProblems({ name, email, password, draft });
    setProblems(found);
    if (draft.groupId === null || Object.keys(found).length > 0) {
      setError(problemsSummary(found));
      return;
    }
    setSaving(true);
    setError(null);
    const result = await api.request('member:create', { name, email, password, groupId: draft.groupId, locationIds: draft.locationIds });
    setSaving(false);
    if (result.ok) {
      onSaved(result.data);
      return;
    }
    const fromServer = result.error.code === 'bad_request' ? fieldProblemsOf(result.error.details, NEW_MEMBER_FIELDS) : {};
    setProblems(fromServer);
    setError(problemsSummary(fromServer) ?? describeError(result.error));
  };

  return { name, setName, email, setEmail, password, setPassword, draft, setGroup, setLocation, saving, error, problems, save };
}
