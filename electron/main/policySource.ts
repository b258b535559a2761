// What an operating-system policy reader (Windows Group Policy, macOS configuration profiles)
// hands back, and how it runs the system's own tools to read it.
import { spawnSync } from 'node:child_process';

/** Runs a system command and waits for it (`reg` on Windows, `plutil` on macOS). */
export type CommandRunner = (command: string, args: readonly string[]) => { status: number | null; stdout: string; stderr: string };

/** `reg` (Windows) and `plutil` (macOS), run directly (never through a shell), at most 10 s. */
export const runSystemCommand: CommandRunner = (command, args) => {
  const result = spawnSync(command, [...args], { encoding: 'utf8', timeout: 10_000, windowsHide: true });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** What a policy source holds before the strict check. */
export type RawManagedSource =
  | { kind: 'absent' }
  | { kind: 'values'; raw: Record<string, unknown> }
  | { kind: 'unreadable'; reasons: string[] };
