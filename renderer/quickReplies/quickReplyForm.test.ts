import { describe, expect, it } from 'vitest';
import { draftProblems, whereOffered } from './quickReplyForm';

describe('the quick reply editor', () => {
  it('reports every problem of a draft at once, by field', () => {
    expect(draftProblems({ title: '  ', text: 'Hi {client.firstname}', locationIds: [1, 1] })).toEqual({
      title: 'Give the reply a title.',
      text: expect.stringMatching(/^Unknown placeholder \{client\.firstname\}\. Placeholders you can use:/),
      locationIds: 'Choose each location once.',
    });
    expect(draftProblems({ title: 'Late', text: 'Hi {client.firstName}', locationIds: [] })).toEqual({});
  });

  it('says where a reply is offered', () => {
    const names = new Map([[1, 'Soho'], [2, 'Shoreditch']]);
    expect(whereOffered([], names)).toBe('All locations');
    expect(whereOffered([2, 1], names)).toBe('Shoreditch, Soho');
  });
});
