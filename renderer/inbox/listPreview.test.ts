import { describe, expect, it } from 'vitest';
import { previewAuthor } from './listPreview';

const message = { text: 'See you then', createdAt: 1 };

describe('the list preview', () => {
  it('says You only for the member\'s own message, Team for a colleague\'s, nothing for the client\'s', () => {
    expect(previewAuthor({ ...message, authorKind: 'staff', authorMemberId: 3 }, 3)).toBe('You: ');
    expect(previewAuthor({ ...message, authorKind: 'staff', authorMemberId: 4 }, 3)).toBe('Team: ');
    expect(previewAuthor({ ...message, authorKind: 'staff' }, 3)).toBe('Team: ');
    expect(previewAuthor({ ...message, authorKind: 'client' }, 3)).toBe('');
    expect(previewAuthor({ ...message, authorKind: 'staff', authorMemberId: 3, automatic: true }, 3)).toBe('Automatic reply: ');
  });
});
