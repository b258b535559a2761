// Deactivating a team member, after asking: they are signed out everywhere at once and cannot
// sign in until reactivated. Not a deletion: their messages and history keep their name.
import { useId, useState } from 'react';
import type { TeamMember } from '../../shared/teamEvents';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useTeamAction } from './useTeamAction';

interface DeactivateMemberProps {
  member: TeamMember;
  onDeactivated: (endedSessions: number) => void;
}

export function DeactivateMember({ member, onDeactivated }: DeactivateMemberProps) {
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const { api, pending, error, run } = useTeamAction();
  const deactivate = () =>
    void run(
      () => api.request('member:deactivate', { memberId: member.id }),
      (data) => onDeactivated(data.endedSessions),
    );
  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="deactivate-member">
      <div className="settings-card__row">
        <div>
          <h2 id={titleId} className="settings-card__title">
            Deactivate team member
          </h2>
          <p className="settings-card__help">
            {member.name} is signed out everywhere and can no longer sign in. Their messages and history keep their name,
            and you can reactivate them later.
          </p>
        </div>
        <button type="button" className="secondary-button" disabled={pending} onClick={() => setConfirming(true)}>
          Deactivate<span className="visually-hidden"> {member.name}</span>
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Deactivate ${member.name}?`}
        confirmLabel="Deactivate account"
        cancelLabel="Keep active"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          deactivate();
        }}
      >
        <p>
          {member.name} will be signed out on every computer at once, including a shared front-desk computer they are
          using now, and their quick-switch PIN is cleared. They can't sign in until someone reactivates them.
        </p>
      </ConfirmDialog>
    </section>
  );
}
