// The client profile beside a conversation (R11), for members with Access client chats at the
// conversation's location. Changing it needs Reply to client chats too: the contact details and
// channels decide where the business's replies go, so a read-only member must not redirect them.
// A change is checked field by field (nothing is saved if any field is wrong), audited with who
// made it, and pushed to the staff who can see that client and to the client's own page.
import type { ClientProfile, ClientProfileEdit } from '../../shared/clientProfile';
import { err, ok, type Err } from '../../shared/result';
import { conversationForStaff } from '../conversations/access';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';
import type { ClientProfileChange } from './clientProfile.repository';
import { sendableChannels, unsendableSwitchOns } from '../notifications/channels';
import { checkEmail, checkMobile, type FieldError } from './contactValidation';

const CHECK_FIELDS = 'Check the highlighted fields. Nothing was saved.';

/** The edit as it will be stored, or every field's problem at once. */
export function checkProfileEdit(edit: ClientProfileEdit, country: string): { ok: true; change: ClientProfileChange } | Err {
  const problems: FieldError[] = [];
  const mobile = checkMobile(edit.mobile, country);
  const email = checkEmail(edit.email);
  if (!mobile.ok) problems.push(mobile.error);
  if (!email.ok) problems.push(email.error);
  if (edit.emailNotifications && email.ok && email.value === null) {
    problems.push({ path: 'emailNotifications', message: 'Add a valid email address before switching on email.' });
  }
  if (edit.smsNotifications && mobile.ok && mobile.value === null) {
    problems.push({ path: 'smsNotifications', message: 'Add a valid mobile number before switching on text messages.' });
  }
  if (problems.length > 0 || !mobile.ok || !email.ok) return err('bad_request', CHECK_FIELDS, problems);
  return {
    ok: true,
    change: {
      name: edit.name,
      mobile: mobile.value,
      email: email.value,
      emailNotifications: edit.emailNotifications,
      smsNotifications: edit.smsNotifications,
    },
  };
}

const withProblems = (refusal: Err, more: FieldError[]): Err => {
  const details = Array.isArray(refusal.error.details) ? (refusal.error.details as FieldError[]) : [];
  const paths = new Set(details.map((detail) => detail.path));
  return err(refusal.error.code, refusal.error.message, [...details, ...more.filter((problem) => !paths.has(problem.path))]);
};

const auditView = (profile: ClientProfile) => ({
  name: profile.name,
  mobile: profile.mobile,
  email: profile.email,
  emailNotifications: profile.notifications.email,
  smsNotifications: profile.notifications.sms,
});

export function registerClientProfileHandlers(socket: StaffSocket, { repos, clock, config, onStaff, pushes }: RealtimeContext): void {
  onStaff(socket, 'clientProfile:get', (payload, { session }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const profile = repos.clientProfiles.find(access.data.clientId);
    return profile ? ok(profile) : err('not_found', 'This client does not exist.');
  });

  onStaff(socket, 'clientProfile:update', (payload, { session, memberName, afterAck }) => {
    const access = conversationForStaff(repos, session, payload.conversationId);
    if (!access.ok) return access;
    const { clientId } = access.data;
    const saved = repos.clientProfiles.find(clientId);
    const checked = checkProfileEdit(payload.profile, saved?.country ?? '');
    // A channel this server cannot send is not switched on (it is reported with the other fields).
    const unsendable = saved
      ? unsendableSwitchOns(saved.notifications, { email: payload.profile.emailNotifications, sms: payload.profile.smsNotifications }, sendableChannels(config), {
          email: 'emailNotifications',
          sms: 'smsNotifications',
        })
      : [];
    if (!checked.ok) return unsendable.length === 0 ? checked : withProblems(checked, unsendable);
    if (unsendable.length > 0) return err('bad_request', CHECK_FIELDS, unsendable);
    const now = clock.now();
    const actor = { id: session.memberId, name: memberName };
    const outcome = repos.transaction(() => {
      const update = repos.clientProfiles.update(clientId, checked.change, payload.baseVersion, actor, now);
      if (update.kind === 'updated') {
        repos.audit.record({
          at: now,
          actor,
          action: 'client.update',
          subject: `Client ${update.after.name}`,
          before: auditView(update.before),
          after: auditView(update.after),
        });
      }
      return update;
    });
    switch (outcome.kind) {
      case 'missing':
        return err('not_found', 'This client does not exist.');
      case 'conflict':
        return err('conflict', 'Someone else changed this client\'s details meanwhile. Review them and save again.', outcome.current);
      case 'unchanged':
        return ok(outcome.current);
      case 'updated':
        afterAck(() => pushes.clientProfileUpdated(repos.clientProfiles.locationIds(clientId), outcome.after));
        return ok(outcome.after);
    }
  });
}
