// Owns the IPC surface main offers the preload: every channel in shared/ipc.ts, origin-checked and parsed.
import type { z } from 'zod';
import { invokeChannels, sendChannels, type InvokeChannel, type SendChannel } from '../../shared/ipc';
import { isAppUrl } from './origins';

type InvokeArgs<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['args']>;
type InvokeResult<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['result']>;
type SendArgs<C extends SendChannel> = z.output<(typeof sendChannels)[C]>;

/** What main does for each channel; the mapped types make a missing channel a compile error. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>>;
};
export type SendHandlers = { [C in SendChannel]: (...args: SendArgs<C>) => void };

export interface IpcSenderEvent {
  /** Null once the sending frame has navigated away or gone; such a message is refused. */
  readonly senderFrame: { readonly url: string } | null;
}

/** The parts of Electron's ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => void): unknown;
}

export interface DesktopIpcOptions {
  readonly ipcMain: IpcMainLike;
  readonly origins: ReadonlySet<string>;
  readonly invoke: InvokeHandlers;
  readonly send: SendHandlers;
  readonly log?: (message: string) => void;
}

/** The error a refused invoke rejects with in the renderer; no internals, only what was wrong. */
export class IpcRequestError extends Error {
  override readonly name = 'IpcRequestError';
}

function isFromApp(event: IpcSenderEvent, origins: ReadonlySet<string>): boolean {
  return event.senderFrame !== null && isAppUrl(event.senderFrame.url, origins);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
}

export function registerDesktopIpc(options: DesktopIpcOptions): void {
  const { ipcMain, origins, log = () => {} } = options;

  const handleInvoke = <C extends InvokeChannel>(channel: C) => {
    const handler: (...args: InvokeArgs<C>) => unknown = options.invoke[channel];
    // TypeScript cannot tie invokeChannels[C] to InvokeArgs<C> for a generic C (a union of
    // channels), so the parsed tuple is cast to what this channel's own schema produces.
    const argsSchema: z.ZodType = invokeChannels[channel].args;
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isFromApp(event, origins)) {
        log(`Refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}.`);
        throw new IpcRequestError('This page may not use the desktop bridge.');
      }
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) {
        throw new IpcRequestError(`Invalid arguments for ${channel}: ${describeIssues(parsed.error)}`);
      }
      return handler(...(parsed.data as InvokeArgs<C>));
    });
  };

  const handleSend = <C extends SendChannel>(channel: C) => {
    const handler: (...args: SendArgs<C>) => void = options.send[channel];
    const argsSchema: z.ZodType = sendChannels[channel];
    ipcMain.on(channel, (event, ...args) => {
      if (!isFromApp(event, origins)) {
        log(`Refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}.`);
        return;
      }
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) {
        // Nobody waits for an answer on these channels; a log line is all a bad call earns.
        log(`Ignored ${channel} with invalid arguments: ${describeIssues(parsed.error)}`);
        return;
      }
      try {
        handler(...(parsed.data as SendArgs<C>));
      } catch (error) {
        log(`${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };

  for (const channel of Object.keys(invokeChannels) as InvokeChannel[]) handleInvoke(channel);
  for (const channel of Object.keys(sendChannels) as SendChannel[]) handleSend(channel);
}
