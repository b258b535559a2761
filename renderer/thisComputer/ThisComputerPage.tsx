// Settings → This computer: how the app runs on this computer (server, location, start-up,
// updates, auto-lock), which of that IT fixed, quick switching, a notifications check, and in
// the desktop app the update state and help for support (logs, diagnostics).
import type { ManagedSettingKey } from '../../shared/ipc';
import { useStaff } from '../session/StaffContext';
import { SettingsPage } from '../settings/SettingsPage';
import { AutoLockCard } from '../reception/AutoLockCard';
import { NotificationSelfCheck } from './NotificationSelfCheck';
import { QuickSwitchCard } from '../reception/QuickSwitchCard';
import { SupportCard } from './SupportCard';
import { computerSettingRows } from './thisComputer';
import { UpdatesCard } from './UpdatesCard';
import { useThisComputer } from './useThisComputer';

export function ThisComputerPage() {
  const { bridge, session } = useStaff();
  const { computer, setDevice, choose, choiceError } = useThisComputer(bridge);

  return (
    <SettingsPage title="This computer" lead="How Front Desk Inbox runs on this computer, whoever is signed in.">
      {!computer ? (
        <p className="settings-page__loading">Loading…</p>
      ) : (
        <>
          {computer.view.problem && (
            <p className="notice notice--warning" role="alert">
              Your IT team's settings for this computer could not be used, so it runs with the defaults. Tell whoever
              installed it.
            </p>
          )}
          {computer.view.locked.length > 0 && (
            <p className="notice notice--info">
              Settings marked "Managed by IT" were preset by your IT team and can't be changed here.
            </p>
          )}
          <section className="settings-card" aria-label="Setup">
            <dl className="computer-settings">
              {computerSettingRows(computer.view, bridge.kind, computer.serverUrl, computer.device).map((row) => (
                <div key={row.key} className="computer-settings__row" data-testid="computer-setting" data-setting={row.key} data-managed={row.managed}>
                  <dt>{row.label}</dt>
                  <dd>
                    {row.toggle ? (
                      <label className="computer-settings__toggle">
                        <input
                          type="checkbox"
                          checked={row.toggle.checked}
                          onChange={(event) => row.toggle && void choose(row.toggle.key, event.target.checked)}
                        />
                        {row.label}
                      </label>
                    ) : (
                      row.value
                    )}
                    {row.managed && <span className="managed-badge">Managed by IT</span>}
                  </dd>
                </div>
              ))}
            </dl>
            {choiceError && (
              <p className="form-error" role="alert">
                {choiceError}
              </p>
            )}
          </section>
          <QuickSwitchCard
            device={computer.device}
            managedLocation={lockedValue(computer.view.locked, 'location', computer.view.settings.location)}
            locations={session.locations}
            onRegistered={setDevice}
          />
          <AutoLockCard />
          <NotificationSelfCheck />
          {bridge.kind === 'electron' && (
            <>
              <UpdatesCard />
              <SupportCard />
            </>
          )}
        </>
      )}
    </SettingsPage>
  );
}

function lockedValue<T>(locked: readonly ManagedSettingKey[], key: ManagedSettingKey, value: T | null): T | null {
  return locked.includes(key) ? value : null;
}
