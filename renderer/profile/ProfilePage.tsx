// Profile: the member's own notification preferences for client messages (R10), saved on the
// server so every device they are signed in on follows at once; their quick-switch PIN and
// their password.
import { useId, useState } from 'react';
import { formatMinuteOfDay, parseMinuteOfDay, REMINDER_MINUTES, type NotificationPrefs, type ReminderMinutes } from '../../shared/profile';
import { PinSettings } from '../reception/PinSettings';
import { PasswordSettings } from './PasswordSettings';
import { SettingsPage } from '../settings/SettingsPage';
import { OptionRow } from '../ui/OptionRow';
import { useStaff } from '../session/StaffContext';
import { DEFAULT_QUIET_HOURS, shownPrefs, withLocation } from './profileForm';
import { useProfileForm } from './useProfileForm';

export function ProfilePage() {
  const { session } = useStaff();
  const form = useProfileForm();
  const { saved } = form;
  // A password change clears the PIN: the PIN card is mounted afresh to show why.
  const [pinCardVersion, setPinCardVersion] = useState(0);
  return (
    <SettingsPage title="Profile" lead={`${session.member.name} · ${session.member.email}`}>
      {saved ? (
        <NotificationPreferences form={form} prefs={shownPrefs(saved, form.draft)} />
      ) : (
        <p className="settings-page__loading" role="status">
          Loading your preferences…
        </p>
      )}
      <PinSettings key={pinCardVersion} />
      <PasswordSettings onPinCleared={() => setPinCardVersion((version) => version + 1)} />
    </SettingsPage>
  );
}

function NotificationPreferences({ form, prefs }: { form: ReturnType<typeof useProfileForm>; prefs: NotificationPrefs }) {
  const { session } = useStaff();
  const id = useId();
  const { change } = form;
  const quiet = prefs.quietHours;
  const setQuietTime = (which: 'start' | 'end', text: string) => {
    const minutes = parseMinuteOfDay(text);
    if (minutes !== null && quiet) change({ quietHours: { ...quiet, [which]: minutes } });
  };
  const sameTimes = quiet !== null && quiet.start === quiet.end;

  return (
    <section className="settings-card" aria-labelledby={`${id}-title`}>
      <div className="settings-card__header">
        <div>
          <h2 id={`${id}-title`} className="settings-card__title">
            Notifications for client messages
          </h2>
          <p className="settings-card__help">These apply on every computer and browser you sign in on.</p>
        </div>
        <div className="settings-card__actions">
          {form.changed && (
            <button type="button" className="secondary-button" onClick={form.discard}>
              Discard changes
            </button>
          )}
          <button
            type="button"
            className="primary-button"
            disabled={!form.changed || form.saving || sameTimes}
            onClick={() => void form.save()}
          >
            {form.saving ? 'Saving…' : 'Save preferences'}
          </button>
        </div>
      </div>
      {form.outcome?.kind === 'error' && (
        <p className="notice notice--error" role="alert">
          {form.outcome.message}
        </p>
      )}
      <p className="settings-page__saved" role="status">
        {form.outcome?.kind === 'saved' ? 'Preferences saved.' : ''}
      </p>
      <fieldset className="option-list">
        <legend className="visually-hidden">Notifications</legend>
        <OptionRow id={`${id}-desktop`} label="Show desktop notifications" checked={prefs.desktop} onChange={(desktop) => change({ desktop })}>
          A notification for each new client message you are not looking at.
        </OptionRow>
        <OptionRow id={`${id}-sound`} label="Play a sound" checked={prefs.sound} onChange={(sound) => change({ sound })}>
          With each notification.
        </OptionRow>
        <OptionRow id={`${id}-preview`} label="Show message text" checked={prefs.showPreview} onChange={(showPreview) => change({ showPreview })}>
          Turn this off on a shared reception screen: notifications then say only “New message”.
        </OptionRow>
        <OptionRow
          id={`${id}-assignments`}
          label="When a conversation is assigned to me"
          checked={prefs.assignments}
          onChange={(assignments) => change({ assignments })}
        >
          A notification when a colleague assigns you a conversation, within the same quiet hours.
        </OptionRow>
        <OptionRow id={`${id}-mentions`} label="When someone mentions me in a note" checked={prefs.mentions} onChange={(mentions) => change({ mentions })}>
          A notification when a colleague @mentions you in an internal note, within the same quiet hours.
        </OptionRow>
      </fieldset>
      <ReminderChoice id={`${id}-reminders`} minutes={prefs.reminderMinutes} onChange={(reminderMinutes) => change({ reminderMinutes })} />
      <fieldset className="option-list">
        <legend className="option-list__legend">Notify me about messages at</legend>
        {session.locations.map((location) => (
          <div key={location.id} className="option-row">
            <input
              id={`${id}-location-${location.id}`}
              type="checkbox"
              checked={!prefs.mutedLocationIds.includes(location.id)}
              onChange={(event) => change(withLocation(prefs, location.id, event.target.checked))}
            />
            <label htmlFor={`${id}-location-${location.id}`} className="option-row__label">
              {location.name}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="option-list">
        <legend className="visually-hidden">Quiet hours</legend>
        <OptionRow
          id={`${id}-quiet`}
          label="Quiet hours"
          checked={quiet !== null}
          onChange={(on) => change({ quietHours: on ? DEFAULT_QUIET_HOURS : null })}
        >
          No notifications between these times (this computer's clock). Unread counts still update.
        </OptionRow>
        {quiet && (
          <div className="quiet-hours">
            <label>
              From{' '}
              <input type="time" value={formatMinuteOfDay(quiet.start)} onChange={(event) => setQuietTime('start', event.target.value)} />
            </label>
            <label>
              To{' '}
              <input
                type="time"
                value={formatMinuteOfDay(quiet.end)}
                aria-invalid={sameTimes || undefined}
                aria-describedby={sameTimes ? `${id}-quiet-error` : undefined}
                onChange={(event) => setQuietTime('end', event.target.value)}
              />
            </label>
            {sameTimes && (
              <p id={`${id}-quiet-error`} className="form-error" role="alert">
                Quiet hours must start and end at different times.
              </p>
            )}
          </div>
        )}
      </fieldset>
    </section>
  );
}

/** Reminders until answered: off, or every few minutes while a client waits for an answer. */
function ReminderChoice({ id, minutes, onChange }: { id: string; minutes: ReminderMinutes | undefined; onChange: (minutes: ReminderMinutes | undefined) => void }) {
  return (
    <div className="option-list reminder-choice">
      <label htmlFor={id} className="option-row__label">
        Remind me while a client waits
      </label>{' '}
      <select
        id={id}
        aria-describedby={`${id}-help`}
        value={minutes ?? ''}
        onChange={(event) => onChange(REMINDER_MINUTES.find((choice) => String(choice) === event.target.value))}
      >
        <option value="">Never</option>
        {REMINDER_MINUTES.map((choice) => (
          <option key={choice} value={choice}>
            Every {choice} minutes
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="option-row__help">
        A notification again and again while an Open conversation at your locations has a client message nobody has answered,
        until someone replies, marks it done or snoozes it. Quiet hours and the locked screen apply.
      </p>
    </div>
  );
}
