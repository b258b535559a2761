// What the client finder asks the directory index for, from what a member typed.
import { describe, expect, it } from 'vitest';
import { mobilePrefixes, toDirectoryQuery } from './directoryQuery';

describe('mobilePrefixes', () => {
  it.each([
    ['07400 900107', 'GB', ['447400900107']],
    ['+44 (0)7400', 'GB', ['4407400']],
    ['+1 415-555', 'GB', ['1415555']],
    ['0044 7400', 'GB', ['447400']],
    ['7400 90', 'GB', ['740090', '44740090']],
    ['07400', '', []],
    ['7400', '', ['7400']],
    ['07', 'GB', []],
    ['grace', 'GB', []],
    ['0 7 a', 'GB', []],
  ])('%s in %s → %j', (input, country, expected) => {
    expect(mobilePrefixes(input, country)).toEqual(expected);
  });
});

describe('toDirectoryQuery', () => {
  it('quotes each word as a literal, the last as a prefix, over names and emails', () => {
    expect(toDirectoryQuery('Grace Kim', 'GB')).toBe('{name email} : ("Grace" "Kim"*)');
    expect(toDirectoryQuery('grace@exa', 'GB')).toBe('{name email} : ("grace" "exa"*)');
    expect(toDirectoryQuery('" OR name:*', 'GB')).toBe('{name email} : ("OR" "name"*)');
  });

  it('adds mobile numbers for what looks like a phone number', () => {
    expect(toDirectoryQuery('07400 900', 'GB')).toBe('{name email} : ("07400" "900"*) OR {mobile} : ("447400900"*)');
  });

  it('is null without a word', () => {
    expect(toDirectoryQuery('@@ --', 'GB')).toBeNull();
  });
});
