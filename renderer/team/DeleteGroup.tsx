// Deleting a permission group, after asking. Only an empty one: its members (deactivated ones
// too, who keep their group for when they come back) move to another group first.
import type { PermissionGroup } from '../../shared/teamEvents';
import { ConfirmedActionCard } from './ConfirmedActionCard';
import { useTeamAction } from './useTeamAction';

interface DeleteGroupProps {
  group: PermissionGroup;
  onDeleted: () => void;
}

export function DeleteGroup({ group, onDeleted }: DeleteGroupProps) {
  const { api, pending, error, run } = useTeamAction();
  const empty = group.memberCount === 0;
  return (
    <ConfirmedActionCard
      testId="delete-group"
      title="Delete this group"
      help={
        empty
          ? 'Nobody is in this group, so it can be deleted.'
          : `Move its ${group.memberCount === 1 ? 'team member' : `${group.memberCount} team members`} (deactivated ones too) to another group before deleting it.`
      }
      buttonLabel="Delete group"
      buttonContext={group.name}
      disabled={pending || !empty}
      error={error}
      question={{
        title: `Delete permission group ${group.name}?`,
        confirmLabel: 'Delete permission group',
        cancelLabel: 'Keep it',
        body: <p>The group {group.name} and what it grants are removed. Nobody loses access: nobody is in it.</p>,
      }}
      onConfirm={() => void run(() => api.request('group:delete', { groupId: group.id }), onDeleted)}
    />
  );
}
