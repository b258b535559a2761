// A browser has no dock badge, so the unread count goes in front of the tab title: "(3) Inbox".
const BADGE_PREFIX = /^\(\d+\) /;

export function titleWithBadge(currentTitle: string, count: number): string {
  const baseTitle = currentTitle.replace(BADGE_PREFIX, '');
  return count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
}
