// Settings → Clients → Messages: turn Client Connect on or off, and edit how it works.
import { PendingSettingsEdit } from '../offline/PendingSettingsEdit';
import { MessagingOptionsCard } from './MessagingOptionsCard';
import { MessagingStatusCard } from './MessagingStatusCard';
import { SettingsPage } from './SettingsPage';
import { useMessagingSettings } from './useMessagingSettings';

export function MessagesSettingsPage() {
  const { state, dispatch, setEnabled, saveOptions, keepMine, cancel } = useMessagingSettings();
  const { current, error } = state;
  return (
    <SettingsPage title="Messages settings" lead="Choose how your team and clients use Client Connect.">
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <PendingSettingsEdit />
      {current ? (
        <>
          <MessagingStatusCard
            enabled={current.settings.enabled}
            saving={state.saving === 'status'}
            onSetEnabled={setEnabled}
          />
          <MessagingOptionsCard state={state} dispatch={dispatch} onSave={saveOptions} onCancel={cancel} onKeepMine={keepMine} />
        </>
      ) : (
        !error && (
          <p className="settings-page__loading" role="status">
            Loading settings…
          </p>
        )
      )}
    </SettingsPage>
  );
}
