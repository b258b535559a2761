// Settings → Team: permission groups and team members, or the editor of one of them (or the
// form adding a member) in their place. After a save the lists are fetched again (member counts and groups move together).
import { useCallback, useRef, useState } from 'react';
import { PendingGroupEdits } from '../offline/PendingGroupEdits';
import { useStaff } from '../session/StaffContext';
import { SettingsPage } from '../settings/SettingsPage';
import { GroupEditor } from './GroupEditor';
import { MemberEditor } from './MemberEditor';
import { NewMemberForm } from './NewMemberForm';
import { ReceptionComputers } from './ReceptionComputers';
import { teamActorOf } from './teamActor';
import { TeamOverview } from './TeamOverview';
import { useTeam } from './useTeam';
import { useTeamAction } from './useTeamAction';

type View = { kind: 'overview' } | { kind: 'group'; groupId: number | null } | { kind: 'member'; memberId: number } | { kind: 'new-member' };

const OVERVIEW: View = { kind: 'overview' };

export function TeamPage() {
  const { team, error, reload } = useTeam();
  // What this manager may do decides what the page offers (the server checks it again).
  const actor = teamActorOf(useStaff().session);
  const [view, setView] = useState<View>(OVERVIEW);
  const [saved, setSaved] = useState<string | null>(null);
  const reactivation = useTeamAction();

  // Back from an editor, focus returns to the page's title: the button that opened it is gone.
  const title = useRef<HTMLHeadingElement>(null);
  const backToOverview = useCallback(() => {
    setView(OVERVIEW);
    window.requestAnimationFrame(() => title.current?.focus());
  }, []);
  const afterSave = useCallback(
    (message: string) => {
      setSaved(message);
      backToOverview();
      void reload();
    },
    [reload, backToOverview],
  );
  const reloadTeam = useCallback(() => void reload(), [reload]);
  const open = (next: View) => {
    setSaved(null);
    setView(next);
  };

  const editedGroup = view.kind === 'group' && view.groupId !== null ? team?.groups.find((g) => g.id === view.groupId) : null;
  const editedMember = view.kind === 'member' ? team?.members.find((m) => m.id === view.memberId) : undefined;

  return (
    <SettingsPage
      title="Team"
      titleRef={title}
      lead="Choose what each permission group can do, and which group and locations each team member has."
      actions={
        view.kind === 'overview' && team ? (
          <>
            <button type="button" className="secondary-button" onClick={() => open({ kind: 'new-member' })}>
              Add team member
            </button>
            <button type="button" className="primary-button" onClick={() => open({ kind: 'group', groupId: null })}>
              Add permission group
            </button>
          </>
        ) : undefined
      }
    >
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <p className="settings-page__saved" role="status">
        {saved}
      </p>
      <PendingGroupEdits onChanged={reloadTeam} />
      {!team && !error && (
        <p className="settings-page__loading" role="status">
          Loading the team…
        </p>
      )}
      {team && view.kind === 'overview' && (
        <>
          <p className="notice notice--info">
            Updated permissions apply the next time team members sign in. To apply a change at once, open the team member
            and sign them out of all devices.
          </p>
          <TeamOverview
            team={team}
            actor={actor}
            onEditGroup={(groupId) => open({ kind: 'group', groupId })}
            onEditMember={(memberId) => open({ kind: 'member', memberId })}
            reactivation={reactivation}
            onReactivate={(member) =>
              void reactivation.run(
                () => reactivation.api.request('member:reactivate', { memberId: member.id }),
                () => afterSave(`${member.name} was reactivated. They can sign in again with their password.`),
              )
            }
          />
          <ReceptionComputers />
        </>
      )}
      {team && view.kind === 'group' && editedGroup !== undefined && (
        <GroupEditor
          key={view.groupId ?? 'new'}
          group={editedGroup}
          team={team}
          actor={actor}
          otherGroupNames={team.groups.filter((group) => group.id !== view.groupId).map((group) => group.name)}
          onSaved={(group) => afterSave(`Permission group ${group.name} saved.`)}
          onQueued={(name) => afterSave(`You're offline. Your changes to ${name} are kept on this computer and apply when the connection is back.`)}
          onDeleted={editedGroup ? () => afterSave(`Permission group ${editedGroup.name} deleted.`) : undefined}
          onClose={backToOverview}
        />
      )}
      {team && view.kind === 'new-member' && (
        <NewMemberForm
          actor={actor}
          groups={team.groups}
          locations={team.locations}
          onSaved={(member) => afterSave(`${member.name} added. They can sign in now with the email and password you gave.`)}
          onClose={backToOverview}
        />
      )}
      {team && editedMember && (
        <MemberEditor
          key={editedMember.id}
          member={editedMember}
          actor={actor}
          groups={team.groups}
          locations={team.locations}
          onSaved={() => afterSave(`${editedMember.name} saved. The change applies the next time they sign in.`)}
          onDeactivated={(endedSessions) =>
            afterSave(
              `${editedMember.name} was deactivated${endedSessions > 0 ? ` and signed out of ${endedSessions === 1 ? '1 session' : `${endedSessions} sessions`}` : ''}. They can't sign in until reactivated.`,
            )
          }
          onClose={backToOverview}
        />
      )}
    </SettingsPage>
  );
}
