import { describe, expect, it } from 'vitest';
import { openQuickReplyPicker, registerQuickReplyOpener } from './openPicker';

describe('opening the quick reply picker from elsewhere', () => {
  it('opens the reply box on screen, the latest mounted one, and answers false when there is none', () => {
    const opened: string[] = [];
    expect(openQuickReplyPicker()).toBe(false);
    const unregisterFirst = registerQuickReplyOpener(() => opened.push('first'));
    const unregisterSecond = registerQuickReplyOpener(() => opened.push('second'));
    expect(openQuickReplyPicker()).toBe(true);
    unregisterFirst(); // an older reply box leaving does not remove the one on screen
    expect(openQuickReplyPicker()).toBe(true);
    unregisterSecond();
    expect(openQuickReplyPicker()).toBe(false);
    expect(opened).toEqual(['second', 'second']);
  });
});
