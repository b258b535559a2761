// Edit a team member: their permission group and the locations they work at (R12), then Save.
// Changes apply at their next sign-in (R8); "Sign out of all devices" applies them now.
import { useId } from 'react';
import type { PermissionGroup, TeamMember } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';
import type { TeamActor } from '../../shared/teamRules';
import { DeactivateMember } from './DeactivateMember';
import { EditorHeader } from './EditorHeader';
import { MembershipFields } from './MembershipFields';
import { SetMemberPassword } from './SetMemberPassword';
import { SignOutEverywhere } from './SignOutEverywhere';
import { membershipLockReason } from './teamActor';
import { useMemberEditor } from './useMemberEditor';

interface MemberEditorProps {
  member: TeamMember;
  actor: TeamActor;
  groups: PermissionGroup[];
  locations: Location[];
  onSaved: () => void;
  onDeactivated: (endedSessions: number) => void;
  onClose: () => void;
}

export function MemberEditor({ member, actor, groups, locations, onSaved, onDeactivated, onClose }: MemberEditorProps) {
  const editor = useMemberEditor(member, locations, onSaved);
  const { draft } = editor;
  const titleId = useId();

  return (
    <>
      <section className="settings-card" aria-labelledby={titleId}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!editor.saving) void editor.save();
          }}
        >
          <EditorHeader titleId={titleId} title={member.name} help={member.email} saving={editor.saving} onCancel={onClose} />
          {editor.error && (
            <p className="notice notice--error" role="alert">
              {editor.error}
            </p>
          )}
          <MembershipFields
            draft={draft}
            groups={groups}
            locations={locations}
            actor={actor}
            lockedReason={membershipLockReason(actor, member)}
            disabled={editor.saving}
            problems={editor.problems}
            onGroup={editor.setGroup}
            onLocation={editor.setLocation}
          />
          <p className="notice notice--info">
            Changes apply the next time {member.name} signs in. To apply them now, save and then sign them out of all
            devices.
          </p>
        </form>
      </section>
      <SignOutEverywhere memberName={member.name} state={editor.signOut} onConfirm={() => void editor.signOutEverywhere()} />
      <SetMemberPassword memberId={member.id} memberName={member.name} />
      {member.id !== actor.memberId && member.deactivatedAt === undefined && <DeactivateMember member={member} onDeactivated={onDeactivated} />}
    </>
  );
}
