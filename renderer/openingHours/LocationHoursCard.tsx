// One location's opening hours, closed dates and after-hours reply, edited as one form. Save
// checks the whole form first and shows every problem at once, each beside its field.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { WEEKDAYS, type LocationHours } from '../../shared/openingHours';
import type { LocationHoursState } from '../../shared/openingHoursEvents';
import { FieldError } from '../ui/FieldError';
import { FormOutcome } from '../ui/FormOutcome';
import { OptionRow } from '../ui/OptionRow';
import { useSubmission } from '../ui/useSubmission';
import { addClosedDate, addRange, formProblems, problemCount, removeClosedDate, removeRange, setRangeTime, type FormProblems } from './hoursForm';
import type { SaveOutcome } from './useOpeningHours';

interface LocationHoursCardProps {
  location: LocationHoursState;
  onSave: (locationId: number, settings: LocationHours, baseVersion: number) => Promise<SaveOutcome>;
}

export function LocationHoursCard({ location, onSave }: LocationHoursCardProps) {
  const id = useId();
  const [draft, setDraft] = useState<LocationHours>(location.settings);
  const [problems, setProblems] = useState<FormProblems>({});
  const [newDate, setNewDate] = useState('');
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  // A save (ours, or someone else's shown after a conflict) is the form's new starting point.
  const [basedOn, setBasedOn] = useState(location.version);
  if (basedOn !== location.version) {
    setBasedOn(location.version);
    setDraft(location.settings);
  }

  // After a refused save, the first field with a problem takes focus.
  useEffect(() => {
    if (focusRequest > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const edit = (next: LocationHours) => {
    setDraft(next);
    // Once problems are shown, they follow the edits (fixed ones disappear).
    if (problemCount(problems) > 0) setProblems(formProblems(next));
  };
  const fieldProps = (key: string) => ({
    'aria-invalid': problems[key] ? true : undefined,
    'aria-describedby': problems[key] ? `${id}-${key}` : undefined,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = formProblems(draft);
    setProblems(found);
    if (problemCount(found) > 0) {
      submission.fail(`Fix ${problemCount(found) === 1 ? 'the problem' : `the ${problemCount(found)} problems`} below, then save again.`);
      setFocusRequest((count) => count + 1);
      return;
    }
    void submission.run(async () => {
      const outcome = await onSave(location.locationId, draft, location.version);
      return 'saved' in outcome ? { saved: 'Opening hours saved.' } : { error: outcome.error };
    });
  };

  return (
    <section className="settings-card" aria-labelledby={`${id}-title`} data-testid="location-hours">
      <div className="settings-card__header">
        <div>
          <h2 id={`${id}-title`} className="settings-card__title">
            {location.locationName}
          </h2>
          <p className="settings-card__help">Times on this location's clock ({location.timeZone}).</p>
        </div>
      </div>
      <form ref={form} onSubmit={submit} noValidate>
        <fieldset className="hours-week">
          <legend className="option-list__legend">Weekly hours</legend>
          {WEEKDAYS.map((day, dayIndex) => {
            const ranges = draft.hours.weekly[dayIndex] ?? [];
            const dayKey = `hours.weekly.${dayIndex}`;
            return (
              <fieldset key={day} className="hours-day" aria-describedby={problems[dayKey] ? `${id}-${dayKey}` : undefined}>
                <legend className="hours-day__name">{day}</legend>
                <div className="hours-day__ranges">
                  {ranges.length === 0 && <p className="hours-day__closed">Closed</p>}
                  {ranges.map((range, rangeIndex) => {
                    const key = `${dayKey}.${rangeIndex}`;
                    return (
                      <div key={rangeIndex} className="hours-range">
                        {(['opens', 'closes'] as const).map((end) => (
                          <label key={end}>
                            <span className="visually-hidden">{day} </span>
                            {end === 'opens' ? 'Opens' : 'Closes'}
                            {ranges.length > 1 && <span className="visually-hidden"> ({rangeIndex + 1})</span>}{' '}
                            <input
                              type="time"
                              value={range[end]}
                              onChange={(event) => edit(setRangeTime(draft, dayIndex, rangeIndex, end, event.target.value))}
                              {...fieldProps(`${key}.${end}`)}
                            />
                          </label>
                        ))}
                        <button type="button" className="link-button" onClick={() => edit(removeRange(draft, dayIndex, rangeIndex))}>
                          Remove<span className="visually-hidden"> {day} {range.opens}–{range.closes}</span>
                        </button>
                        <FieldError id={`${id}-${key}.opens`} message={problems[`${key}.opens`]} />
                        <FieldError id={`${id}-${key}.closes`} message={problems[`${key}.closes`]} />
                      </div>
                    );
                  })}
                  <FieldError id={`${id}-${dayKey}`} message={problems[dayKey]} />
                  <button type="button" className="secondary-button hours-day__add" onClick={() => edit(addRange(draft, dayIndex))}>
                    Add hours<span className="visually-hidden"> on {day}</span>
                  </button>
                </div>
              </fieldset>
            );
          })}
        </fieldset>
        <fieldset className="hours-closed" aria-describedby={problems['hours.closedDates'] ? `${id}-hours.closedDates` : undefined}>
          <legend className="option-list__legend">Closed dates</legend>
          <ul className="hours-closed__list">
            {draft.hours.closedDates.map((date, index) => (
              <li key={`${date}-${index}`}>
                <span>{date}</span>{' '}
                <button type="button" className="link-button" onClick={() => edit(removeClosedDate(draft, index))}>
                  Remove<span className="visually-hidden"> {date}</span>
                </button>
                <FieldError id={`${id}-hours.closedDates.${index}`} message={problems[`hours.closedDates.${index}`]} />
              </li>
            ))}
          </ul>
          <FieldError id={`${id}-hours.closedDates`} message={problems['hours.closedDates']} />
          <label>
            Closed on{' '}
            <input type="date" value={newDate} onChange={(event) => setNewDate(event.target.value)} />
          </label>{' '}
          <button
            type="button"
            className="secondary-button"
            disabled={newDate === ''}
            onClick={() => {
              edit(addClosedDate(draft, newDate));
              setNewDate('');
            }}
          >
            Add closed date
          </button>
        </fieldset>
        <fieldset className="option-list">
          <legend className="option-list__legend">Outside opening hours</legend>
          <OptionRow
            id={`${id}-reply`}
            label="Send an automatic reply"
            checked={draft.reply.enabled}
            onChange={(enabled) => edit({ ...draft, reply: { ...draft.reply, enabled } })}
          >
            When a client writes while this location is closed, they get this reply, at most once in 12 hours per
            conversation. It goes out in your name, marked “Automatic reply” for the team.
          </OptionRow>
          <label className="hours-reply">
            Reply text
            <textarea
              rows={3}
              value={draft.reply.text}
              onChange={(event) => edit({ ...draft, reply: { ...draft.reply, text: event.target.value } })}
              {...fieldProps('reply.text')}
            />
          </label>
          <FieldError id={`${id}-reply.text`} message={problems['reply.text']} />
        </fieldset>
        <div className="settings-card__actions">
          <button type="submit" className="primary-button" disabled={submission.pending}>
            {submission.pending ? 'Saving…' : 'Save'}
            <span className="visually-hidden"> opening hours of {location.locationName}</span>
          </button>
        </div>
        <FormOutcome error={submission.error} saved={submission.saved} />
      </form>
    </section>
  );
}
