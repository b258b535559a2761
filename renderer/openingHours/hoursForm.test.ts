import { describe, expect, it } from 'vitest';
import type { LocationHours } from '../../shared/openingHours';
import { addClosedDate, addRange, formProblems, problemCount, removeClosedDate, removeRange, setRangeTime } from './hoursForm';

const closed: LocationHours = { hours: { weekly: [[], [], [], [], [], [], []], closedDates: [] }, reply: { enabled: false, text: '' } };

describe('opening hours form', () => {
  it('has no problems for a closed week with the reply off', () => {
    expect(formProblems(closed)).toEqual({});
  });

  it('adds ranges after the day\'s last one, edits and removes them', () => {
    let draft = addRange(closed, 1);
    expect(draft.hours.weekly[1]).toEqual([{ opens: '09:00', closes: '17:00' }]);
    draft = setRangeTime(draft, 1, 0, 'closes', '12:00');
    draft = addRange(draft, 1);
    expect(draft.hours.weekly[1]).toEqual([{ opens: '09:00', closes: '12:00' }, { opens: '12:00', closes: '23:59' }]);
    expect(formProblems(draft)).toEqual({});
    draft = removeRange(draft, 1, 0);
    expect(draft.hours.weekly[1]).toEqual([{ opens: '12:00', closes: '23:59' }]);
    expect(draft.hours.weekly[0]).toEqual([]);
  });

  it('finds every problem at once, one per field', () => {
    let draft = addRange(closed, 0);
    draft = setRangeTime(draft, 0, 0, 'closes', '08:00');
    draft = addRange(addRange(draft, 2), 2);
    draft = setRangeTime(draft, 2, 1, 'opens', '10:00');
    draft = setRangeTime(addRange(draft, 3), 3, 0, 'opens', '');
    draft = addClosedDate(addClosedDate(draft, '2026-12-25'), '2026-12-25');
    draft = { ...draft, reply: { enabled: true, text: '  ' } };
    const problems = formProblems(draft);
    expect(Object.keys(problems).sort()).toEqual(['hours.closedDates', 'hours.weekly.0.0.closes', 'hours.weekly.2', 'hours.weekly.3.0.opens', 'reply.text']);
    expect(problemCount(problems)).toBe(5);
    expect(problems['reply.text']).toBe('Write the reply clients get outside opening hours, or turn it off.');
    expect(formProblems(removeClosedDate(draft, 1))).not.toHaveProperty(['hours.closedDates']);
  });
});
