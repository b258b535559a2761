// Deactivating a team member, after asking: they are signed out everywhere at once and cannot
// sign in until reactivated. Not a deletion: their messages and history keep their name.
import type { TeamMember } from '../../shared/teamEvents';
import { ConfirmedActionCard } from './ConfirmedActionCard';
import { useTeamAction } from './useTeamAction';

interface DeactivateMemberProps {
  member: TeamMember;
  onDeactivated: (endedSessions: number) => void;
}

export function DeactivateMember({ member, onDeactivated }: DeactivateMemberProps) {
  const { api, pending, error, run } = useTeamAction();
  return (
    <ConfirmedActionCard
      testId="deactivate-member"
      title="Deactivate team member"
      help={`${member.name} is signed out everywhere and can no longer sign in. Their messages and history keep their name, and you can reactivate them later.`}
      buttonLabel="Deactivate"
      buttonContext={member.name}
      disabled={pending}
      error={error}
      question={{
        title: `Deactivate ${member.name}?`,
        confirmLabel: 'Deactivate account',
        cancelLabel: 'Keep active',
        body: (
          <p>
            {member.name} will be signed out on every computer at once, including a shared front-desk computer they are
            using now, and their quick-switch PIN is cleared. They can't sign in until someone reactivates them.
          </p>
        ),
      }}
      onConfirm={() =>
        void run(
          () => api.request('member:deactivate', { memberId: member.id }),
          (data) => onDeactivated(data.endedSessions),
        )
      }
    />
  );
}
