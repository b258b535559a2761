import { describe, expect, it } from 'vitest';
import { resolveServerLocation, serverConfigErrorDialog, SERVER_URL_ENV } from './config';

const withUrl = (value: string | undefined) => resolveServerLocation({ env: { [SERVER_URL_ENV]: value } });

function problemOf(value: string): string {
  const result = withUrl(value);
  if (result.ok) throw new Error(`expected ${value} to be refused`);
  return result.problem;
}

describe('resolveServerLocation', () => {
  it('embeds the server when no address is set, or it is blank', () => {
    expect(resolveServerLocation({ env: {} })).toEqual({ ok: true, location: { kind: 'embedded' } });
    expect(withUrl('   ')).toEqual({ ok: true, location: { kind: 'embedded' } });
  });

  it('uses a remote https server, reduced to its origin', () => {
    expect(withUrl(' https://Inbox.Example-Salon.com/ ')).toEqual({
      ok: true,
      location: { kind: 'remote', url: 'https://inbox.example-salon.com', source: SERVER_URL_ENV },
    });
    expect(withUrl('https://inbox.example.com:8443')).toMatchObject({
      location: { url: 'https://inbox.example.com:8443' },
    });
  });

  it('allows plain http only for a server on this computer', () => {
    expect(withUrl('http://127.0.0.1:4780')).toMatchObject({ ok: true, location: { url: 'http://127.0.0.1:4780' } });
    expect(withUrl('http://localhost:4780')).toMatchObject({ ok: true });
    expect(problemOf('http://192.168.1.20:4780')).toMatch(/must use https:\/\//);
  });

  it('explains what is wrong with a bad value, naming the variable', () => {
    expect(problemOf('inbox.example.com')).toMatch(/^INBOX_SERVER_URL is not a web address: "inbox.example.com"/);
    expect(problemOf('ftp://inbox.example.com')).toMatch(/must start with https:\/\//);
    expect(problemOf('https://admin:secret@inbox.example.com')).toMatch(/user name or password/);
    expect(problemOf('https://inbox.example.com/api')).toMatch(/without a path/);
    expect(problemOf('https://inbox.example.com/?x=1')).toMatch(/without a path, query/);
  });
});

describe('serverConfigErrorDialog', () => {
  it('carries the problem in plain words', () => {
    const dialog = serverConfigErrorDialog('INBOX_SERVER_URL is not a web address: "x".');
    expect(dialog.title).toBe('Front Desk Inbox cannot start');
    expect(dialog.content).toContain('INBOX_SERVER_URL is not a web address: "x".');
  });
});
