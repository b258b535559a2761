// Every problem of the quick-switch PIN form at once, each for its field, checked with the
// schema the server applies (it reports its own problems under the same field names).
import { setPinRequestSchema } from '../../shared/reception';
import { fieldProblemsOf, type FieldProblems } from '../api/errors';

export const PIN_FIELDS = ['pin', 'confirmPin', 'password'] as const;
export type PinField = (typeof PIN_FIELDS)[number];

/** Setting or changing the PIN: a strong enough PIN, typed the same twice, and the password. */
export function pinProblems(input: Record<PinField, string>): FieldProblems<PinField> {
  const checked = setPinRequestSchema.safeParse({ pin: input.pin, password: input.password });
  const issues = checked.success ? [] : checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const problems = fieldProblemsOf(issues, PIN_FIELDS);
  if (input.pin !== input.confirmPin) problems.confirmPin = "The two PINs don't match. Type the same PIN twice.";
  if (input.password === '') problems.password = 'Enter your password to confirm it is you.';
  return problems;
}

/** Removing the PIN needs the password only. */
export function pinRemovalProblems(password: string): FieldProblems<PinField> {
  return password === '' ? { password: 'Enter your password to remove your PIN.' } : {};
}
