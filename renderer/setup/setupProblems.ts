// Every problem of the first-run form at once, each for its field, by the server's own schema.
import { setupRequestSchema, type SetupRequest } from '../../shared/http';
import { fieldProblemsOf, type FieldProblems } from '../api/errors';

export type SetupFields = {
  workspaceName: string;
  country: string;
  locationName: string;
  ownerName: string;
  email: string;
  password: string;
  confirmPassword: string;
};
export type SetupField = keyof SetupFields;

export const SETUP_FIELDS: readonly SetupField[] = ['workspaceName', 'country', 'locationName', 'ownerName', 'email', 'password', 'confirmPassword'];

/** The request to send, or every field's problem. The first location defaults to the business's name. */
export function checkSetup(fields: SetupFields): { ok: true; request: SetupRequest } | { ok: false; problems: FieldProblems<SetupField> } {
  const { confirmPassword, ...request } = fields;
  const checked = setupRequestSchema.safeParse({ ...request, locationName: request.locationName.trim() || request.workspaceName });
  const issues = checked.success ? [] : checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const problems = fieldProblemsOf(issues, SETUP_FIELDS);
  if (confirmPassword !== request.password) problems.confirmPassword = "The two passwords don't match. Type the same password twice.";
  if (checked.success && Object.keys(problems).length === 0) return { ok: true, request: checked.data };
  return { ok: false, problems };
}
