// What a team service answers: the request's error, or its data and whether the team changed
// (the handler then pushes the team as it is now to every open Team page).
import type { Err } from '../../shared/result';

export type TeamChange<T> = Err | { ok: true; data: T; changed: boolean };

export const changed = <T>(data: T): TeamChange<T> => ({ ok: true, data, changed: true });
export const unchanged = <T>(data: T): TeamChange<T> => ({ ok: true, data, changed: false });
