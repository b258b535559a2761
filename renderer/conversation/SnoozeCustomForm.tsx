// "Snooze → Custom…": a date and a time (seconds allowed) read in the location's time zone.
import { useId, useState, type FormEvent } from 'react';
import { SNOOZE_MAX_MS } from '../../shared/triageEvents';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import { customSnoozeTime, wallFields } from './snoozePresets';

interface SnoozeCustomFormProps {
  timeZone: string;
  /** The location's name, to say whose clock the fields follow. */
  locationName: string;
  onSnooze: (until: number) => void;
  onCancel: () => void;
}

export function SnoozeCustomForm({ timeZone, locationName, onSnooze, onCancel }: SnoozeCustomFormProps) {
  const [fields, setFields] = useState(() => wallFields(Date.now() + 60 * 60 * 1000, timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const problemId = useId();
  const dateField = useFocusOnMount<HTMLInputElement>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const until = customSnoozeTime(fields.date, fields.time, timeZone);
    const now = Date.now();
    if (until === null) setProblem('Enter a date and a time.');
    else if (until <= now) setProblem('Pick a time in the future.');
    else if (until - now > SNOOZE_MAX_MS) setProblem('Pick a time within a year.');
    else onSnooze(until);
  };

  return (
    <form className="snooze-form" aria-labelledby={titleId} onSubmit={onSubmit} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <p id={titleId} className="snooze-form__title">
        Snooze until ({locationName} time)
      </p>
      <label className="snooze-form__field">
        Date
        <input
          ref={dateField}
          type="date"
          value={fields.date}
          required
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => setFields({ ...fields, date: event.target.value })}
        />
      </label>
      <label className="snooze-form__field">
        Time
        <input
          type="time"
          step={1}
          value={fields.time}
          required
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => setFields({ ...fields, time: event.target.value })}
        />
      </label>
      <button type="submit" className="primary-button">
        Snooze
      </button>
      <button type="button" className="secondary-button" onClick={onCancel}>
        Cancel
      </button>
      <p id={problemId} role="alert" className="snooze-form__problem">
        {problem}
      </p>
    </form>
  );
}
