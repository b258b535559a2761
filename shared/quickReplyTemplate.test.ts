import { describe, expect, it } from 'vitest';
import { fillPlaceholders, firstNameOf, placeholderNamesIn, unfilledPlaceholdersIn, unknownPlaceholdersIn, unknownPlaceholdersMessage } from './quickReplyTemplate';

describe('quick reply placeholders', () => {
  it('reads dotted names in braces, each once, and leaves other braces as text', () => {
    expect(placeholderNamesIn('{client.firstName} {x} {client.firstName} { spaced } {50% off} {a.b.c}')).toEqual(['client.firstName', 'x', 'a.b.c']);
    expect(unknownPlaceholdersIn('Hi {client.firstname} and {client.firstName}')).toEqual(['client.firstname']);
    expect(unknownPlaceholdersMessage(['client.firstname'])).toMatch(/^Unknown placeholder \{client\.firstname\}\. Placeholders you can use: \{client\.firstName\}, /);
  });

  it('fills known values in one pass, leaving and listing those without a value', () => {
    const filled = fillPlaceholders('Hi {client.firstName}, {appointment.date} at {appointment.time}. {unknown.name}', {
      'client.firstName': '{appointment.time}',
      'appointment.date': '  ',
    });
    expect(filled).toEqual({ text: 'Hi {appointment.time}, {appointment.date} at {appointment.time}. {unknown.name}', missing: ['appointment.date', 'appointment.time'] });
  });

  it('finds what is still to fill before sending', () => {
    expect(unfilledPlaceholdersIn('See you {appointment.date}! {not.one}')).toEqual(['appointment.date']);
    expect(unfilledPlaceholdersIn('See you Tuesday')).toEqual([]);
    expect(firstNameOf('  Ava  Thompson ')).toBe('Ava');
  });
});
