// Settings → Team → Add team member: name, email, first password, permission group, locations.
import { useId } from 'react';
import type { PermissionGroup, TeamMember } from '../../shared/teamEvents';
import type { Location } from '../../shared/domain';
import type { TeamActor } from '../../shared/teamRules';
import { FieldError } from '../ui/FieldError';
import { PasswordField } from '../ui/PasswordField';
import { EditorHeader } from './EditorHeader';
import { MembershipFields } from './MembershipFields';
import { useNewMember } from './useNewMember';

interface NewMemberFormProps {
  actor: TeamActor;
  groups: PermissionGroup[];
  locations: Location[];
  onSaved: (member: TeamMember) => void;
  onClose: () => void;
}

export function NewMemberForm({ actor, groups, locations, onSaved, onClose }: NewMemberFormProps) {
  const form = useNewMember(locations, onSaved);
  const titleId = useId();
  const nameId = useId();
  const emailId = useId();
  const { problems } = form;

  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.saving) void form.save();
        }}
      >
        <EditorHeader
          titleId={titleId}
          title="Add a team member"
          help="They sign in with this email and password, and can change the password on their Profile page."
          saving={form.saving}
          onCancel={onClose}
        />
        {form.error && (
          <p className="notice notice--error" role="alert">
            {form.error}
          </p>
        )}
        <div className="form-field">
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            type="text"
            autoComplete="off"
            value={form.name}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={problems.name ? `${nameId}-error` : undefined}
            onChange={(event) => form.setName(event.target.value)}
          />
          <FieldError id={`${nameId}-error`} message={problems.name} />
        </div>
        <div className="form-field">
          <label htmlFor={emailId}>Email</label>
          <input
            id={emailId}
            type="email"
            autoComplete="off"
            value={form.email}
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={problems.email ? `${emailId}-error` : undefined}
            onChange={(event) => form.setEmail(event.target.value)}
          />
          <FieldError id={`${emailId}-error`} message={problems.email} />
        </div>
        <PasswordField
          label="First password"
          autoComplete="new-password"
          value={form.password}
          onChange={form.setPassword}
          error={problems.password}
        />
        <MembershipFields
          draft={form.draft}
          groups={groups}
          locations={locations}
          actor={actor}
          disabled={form.saving}
          problems={problems}
          onGroup={form.setGroup}
          onLocation={form.setLocation}
        />
      </form>
    </section>
  );
}
