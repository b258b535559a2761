// Settings → Messages: a change saved while offline. Queued, it says it waits for the
// connection; if someone else saved the settings meanwhile, both versions side by side and the
// manager's choice; refused, why, with Dismiss.
import { useSyncExternalStore } from 'react';
import type { WorkspaceSettings } from '../../shared/domain';
import { ConflictChoice } from '../settings/ConflictChoice';
import { MESSAGING_OPTIONS } from '../settings/messagingSettings';
import { useOffline } from './OfflineContext';
import { withOwnSettingsEdits } from './pendingSettings';

const onOff = (value: boolean) => (value ? 'On' : 'Off');
const rowsOf = (theirs: WorkspaceSettings, mine: WorkspaceSettings) => [
  { label: 'Client Connect', theirs: theirs.enabled ? 'Enabled' : 'Disabled', mine: mine.enabled ? 'Enabled' : 'Disabled' },
  ...MESSAGING_OPTIONS.map(({ key, label }) => ({ label, theirs: onOff(theirs[key]), mine: onOff(mine[key]) })),
];

export function PendingSettingsEdit() {
  const { settingsEdits, status } = useOffline();
  const pending = useSyncExternalStore(settingsEdits.subscribe, settingsEdits.snapshot);
  if (!pending) return null;
  return (
    <div data-testid="offline-settings-edit" data-state={pending.state}>
      {pending.state === 'queued' && (
        <p className="notice notice--warning" role="status">
          {status === 'connected'
            ? 'Saving the change you made offline…'
            : "You're offline. Your change is kept on this computer and will be saved when the connection is back."}
        </p>
      )}
      {pending.state === 'conflict' && pending.theirs && (
        <ConflictChoice
          what="these settings"
          rows={rowsOf(pending.theirs.settings, withOwnSettingsEdits(pending.theirs.settings, pending))}
          savedAt={pending.theirs.updatedAt}
          useTheirsLabel="Use their settings"
          onUseTheirs={() => void settingsEdits.useTheirs()}
          onKeepMine={() => void settingsEdits.keepMine()}
        />
      )}
      {pending.state === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>The change you made offline was not saved. {pending.error}</p>
          <button type="button" className="secondary-button" onClick={() => void settingsEdits.useTheirs()}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
