// Saving a member's group and locations, and signing them out of every device so a change
// applies now rather than at their next sign-in (R8).
import { useCallback, useState } from 'react';
import type { TeamMember } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';
import { describeError, fieldProblemsOf, problemsSummary, type FieldProblems } from '../api/errors';
import { useStaff } from '../session/StaffContext';
import { MEMBERSHIP_FIELDS, membershipProblems, withLocation, type MemberDraft, type MembershipField } from './members';

export function useMemberEditor(member: TeamMember, locations: Location[], onSaved: () => void) {
  const { api } = useStaff();
  const [draft, setDraft] = useState<MemberDraft>({ groupId: member.groupId, locationIds: member.locationIds });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblems<MembershipField>>({});
  const [signOutState, setSignOutState] = useState<{ pending: boolean; result: string | null; error: string | null }>({
    pending: false,
    result: null,
    error: null,
  });

  const setGroup = useCallback((groupId: number | null) => setDraft((current) => ({ ...current, groupId })), []);
  const setLocation = useCallback(
    (locationId: number, on: boolean) => setDraft((current) => withLocation(current, locationId, on, locations)),
    [locations],
  );

  const save = useCallback(async () => {
    // Every problem at once, each beside its field.
    const found = membershipProblems(draft);
    setProblems(found);
    if (draft.groupId === null || Object.keys(found).length > 0) {
      setError(problemsSummary(found));
      return;
    }
    setSaving(true);
    setError(null);
    const result = await api.request('member:update', {
      memberId: member.id,
      groupId: draft.groupId,
      locationIds: draft.locationIds,
    });
    setSaving(false);
    if (result.ok) {
      onSaved();
      return;
    }
    const fromServer = result.error.code === 'bad_request' ? fieldProblemsOf(result.error.details, MEMBERSHIP_FIELDS) : {};
    setProblems(fromServer);
    setError(problemsSummary(fromServer) ?? describeError(result.error));
  }, [api, draft, member.id, onSaved]);

  const signOutEverywhere = useCallback(async () => {
    setSignOutState({ pending: true, result: null, error: null });
    const result = await api.request('member:sign-out-everywhere', { memberId: member.id });
    if (!result.ok) {
      setSignOutState({ pending: false, result: null, error: describeError(result.error) });
      return;
    }
    const { endedSessions } = result.data;
    const ended =
      endedSessions === 0
        ? `${member.name} wasn't signed in anywhere. Changes apply when they next sign in.`
        : `${member.name} was signed out of ${endedSessions === 1 ? '1 session' : `${endedSessions} sessions`}. Changes apply when they sign in again.`;
    setSignOutState({ pending: false, result: ended, error: null });
  }, [api, member.id, member.name]);

  return { draft, setGroup, setLocation, saving, error, problems, save, signOut: signOutState, signOutEverywhere };
}
