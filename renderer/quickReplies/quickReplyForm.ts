// The quick reply editor's rules: every problem of a draft at once, keyed by field, from the same
// schema the server parses with (so an unknown placeholder is named before anything is sent).
import { quickReplyDraftSchema, type QuickReply, type QuickReplyDraft } from '../../shared/quickReplyEvents';
import { fieldProblemsOf, type FieldProblems } from '../api/errors';

export const QUICK_REPLY_FIELDS = ['title', 'text', 'locationIds'] as const;
export type QuickReplyField = (typeof QUICK_REPLY_FIELDS)[number];

export const emptyDraft = (): QuickReplyDraft => ({ title: '', text: '', locationIds: [] });
export const draftOf = (reply: QuickReply): QuickReplyDraft => ({ title: reply.title, text: reply.text, locationIds: reply.locationIds });

export function draftProblems(draft: QuickReplyDraft): FieldProblems<QuickReplyField> {
  const parsed = quickReplyDraftSchema.safeParse(draft);
  if (parsed.success) return {};
  const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return fieldProblemsOf(details, QUICK_REPLY_FIELDS);
}

/** "Soho, Shoreditch" or "All locations", for the library's list. */
export function whereOffered(locationIds: readonly number[], names: ReadonlyMap<number, string>): string {
  if (locationIds.length === 0) return 'All locations';
  return locationIds.map((id) => names.get(id) ?? `Location #${id}`).join(', ');
}
