// Every problem of the Add team member form at once, each for its field, checked with the same
// rules the server applies (it reports all of its own at once too, under the same field names).
import { newPasswordSchema } from '../../shared/http';
import type { FieldProblems } from '../api/errors';
import { membershipProblems, type MemberDraft } from './members';

export const NEW_MEMBER_FIELDS = ['name', 'email', 'password', 'groupId', 'locationIds'] as const;
export type NewMemberField = (typeof NEW_MEMBER_FIELDS)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function newMemberProblems(input: { name: string; email: string; password: string; draft: MemberDraft }): FieldProblems<NewMemberField> {
  const problems: FieldProblems<NewMemberField> = membershipProblems(input.draft);
  if (input.name.trim() === '') problems.name = 'Give their name.';
  if (!EMAIL.test(input.email.trim())) problems.email = 'Enter a valid email address.';
  const password = newPasswordSchema.safeParse(input.password);
  if (!password.success) problems.password = password.error.issues.map((issue) => issue.message).join(' ');
  return problems;
}
