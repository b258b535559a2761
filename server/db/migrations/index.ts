// The ordered list of schema migrations. Version N is migrations[N - 1]; append only.
import { initialSchema } from './001_initial';

export type Migration = { version: number; name: string; sql: string };

export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initialSchema }];
