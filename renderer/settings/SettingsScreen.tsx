// Settings: the menu on the left and the chosen page. Only sections the member may manage are
// offered; the server checks every request anyway.
import type { SettingsSection } from '../app/route';
import { allowedSettingsSections } from '../app/route';
import { AuditLogPage } from '../audit/AuditLogPage';
import { QuickRepliesSettingsPage } from '../quickReplies/QuickRepliesSettingsPage';
import { OpeningHoursPage } from '../openingHours/OpeningHoursPage';
import { ThisComputerPage } from '../thisComputer/ThisComputerPage';
import { useStaff } from '../session/StaffContext';
import { TeamPage } from '../team/TeamPage';
import { MessagesSettingsPage } from './MessagesSettingsPage';
import { SettingsNav } from './SettingsNav';

export function SettingsScreen({ section }: { section: SettingsSection }) {
  const { session } = useStaff();
  return (
    <div className="settings-layout">
      <SettingsNav sections={allowedSettingsSections(session.grants)} current={section} />
      {section === 'messages' && <MessagesSettingsPage />}
      {section === 'quick-replies' && <QuickRepliesSettingsPage />}
      {section === 'hours' && <OpeningHoursPage />}
      {section === 'team' && <TeamPage />}
      {section === 'audit' && <AuditLogPage />}
      {section === 'computer' && <ThisComputerPage />}
    </div>
  );
}
