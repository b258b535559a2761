import { describe, expect, it } from 'vitest';
import type { FilledQuickReply } from '../../shared/quickReplyEvents';
import { matchingReplies, slashWordAt, unfilledProblem, withReply, withSlashAt } from './pickerText';

const reply = (title: string, text: string, missing: FilledQuickReply['missing'] = []): FilledQuickReply => ({ id: title.length, title, text, missing });

describe('the "/" word under the caret', () => {
  it('is found at the start of the text or of a word, with the search typed so far', () => {
    expect(slashWordAt('/', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(slashWordAt('Hi /rem', 7)).toEqual({ start: 3, end: 7, query: 'rem' });
    expect(slashWordAt('Hi /reminder now', 6)).toEqual({ start: 3, end: 12, query: 're' });
  });

  it('is not found inside a word, before its slash, or after a space', () => {
    expect(slashWordAt('and/or', 6)).toBeNull();
    expect(slashWordAt('https://x', 9)).toBeNull();
    expect(slashWordAt('/rem', 0)).toBeNull();
    expect(slashWordAt('/rem ', 5)).toBeNull();
  });
});

describe('picking a reply', () => {
  const replies = [reply('Running late', 'Sorry, running 10 minutes late'), reply('Reminder', 'See you {appointment.date}', ['appointment.date'])];

  it('matches every word of the search in the title or the text', () => {
    expect(matchingReplies(replies, '').map((r) => r.title)).toEqual(['Running late', 'Reminder']);
    expect(matchingReplies(replies, 'REM').map((r) => r.title)).toEqual(['Reminder']);
    expect(matchingReplies(replies, 'late sorry').map((r) => r.title)).toEqual(['Running late']);
    expect(matchingReplies(replies, 'nothing')).toEqual([]);
  });

  it('replaces the "/" word, selecting the first placeholder left to fill or placing the caret after', () => {
    expect(withReply('Hi /rem there', { start: 3, end: 7, query: 'rem' }, replies[1]!)).toEqual({ text: 'Hi See you {appointment.date} there', selection: [11, 29] });
    expect(withReply('/late', { start: 0, end: 5, query: 'late' }, replies[0]!)).toEqual({ text: 'Sorry, running 10 minutes late', selection: [30, 30] });
  });

  it('types a slash of its own word when opened from elsewhere', () => {
    expect(withSlashAt('', 0)).toEqual({ text: '/', caret: 1 });
    expect(withSlashAt('Hello', 5)).toEqual({ text: 'Hello /', caret: 7 });
    expect(withSlashAt('Hello ', 6)).toEqual({ text: 'Hello /', caret: 7 });
  });

  it('blocks sending while a placeholder is left, naming each', () => {
    expect(unfilledProblem('See you Tuesday')).toBeNull();
    expect(unfilledProblem('See you {appointment.date} at {appointment.time}, {appointment.date} {other}')).toEqual({
      names: ['{appointment.date}', '{appointment.time}'],
    });
  });
});
