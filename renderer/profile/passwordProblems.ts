// Every problem of the Change password form at once, each for its field, by the server's schema.
import { changePasswordRequestSchema } from '../../shared/http';
import { fieldProblemsOf, type FieldProblems } from '../api/errors';

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';
const FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword', 'confirmPassword'];

export function passwordChangeProblems(input: Record<PasswordField, string>): FieldProblems<PasswordField> {
  const checked = changePasswordRequestSchema.safeParse({ currentPassword: input.currentPassword, newPassword: input.newPassword });
  const issues = checked.success ? [] : checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const problems = fieldProblemsOf(issues, FIELDS);
  if (input.newPassword !== input.confirmPassword) problems.confirmPassword = "The two new passwords don't match. Type the same password twice.";
  return problems;
}
