// Deleting a permission group, after asking. Only an empty one: its members (deactivated ones
// too, who keep their group for when they come back) move to another group first.
import { useId, useState } from 'react';
import type { PermissionGroup } from '../../shared/teamEvents';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useTeamAction } from './useTeamAction';

interface DeleteGroupProps {
  group: PermissionGroup;
  onDeleted: () => void;
}

export function DeleteGroup({ group, onDeleted }: DeleteGroupProps) {
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const { api, pending, error, run } = useTeamAction();
  const empty = group.memberCount === 0;
  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="delete-group">
      <div className="settings-card__row">
        <div>
          <h2 id={titleId} className="settings-card__title">
            Delete this group
          </h2>
          <p className="settings-card__help">
            {empty
              ? 'Nobody is in this group, so it can be deleted.'
              : `Move its ${group.memberCount === 1 ? 'team member' : `${group.memberCount} team members`} (deactivated ones too) to another group before deleting it.`}
          </p>
        </div>
        <button type="button" className="secondary-button" disabled={pending || !empty} onClick={() => setConfirming(true)}>
          Delete group<span className="visually-hidden"> {group.name}</span>
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete permission group ${group.name}?`}
        confirmLabel="Delete permission group"
        cancelLabel="Keep it"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(() => api.request('group:delete', { groupId: group.id }), onDeleted);
        }}
      >
        <p>The group {group.name} and what it grants are removed. Nobody loses access: nobody is in it.</p>
      </ConfirmDialog>
    </section>
  );
}
