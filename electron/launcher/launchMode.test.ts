import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLaunchMode, type InstalledFiles } from './launchMode';

const electronDir = join('/project', 'node_modules', 'electron');

function installed(files: Record<string, string>): InstalledFiles {
  return {
    readText: (path) => files[path] ?? null,
    exists: (path) => path in files,
  };
}

describe('chooseLaunchMode', () => {
  it('runs Electron when path.txt names a binary that exists', () => {
    const binary = join(electronDir, 'dist', 'electron');
    const files = installed({ [join(electronDir, 'path.txt')]: 'electron', [binary]: '' });
    expect(chooseLaunchMode(electronDir, files, {})).toEqual({ kind: 'electron', binary });
  });

  it('finds the macOS app bundle binary the same way', () => {
    const binary = join(electronDir, 'dist', 'Electron.app/Contents/MacOS/Electron');
    const files = installed({ [join(electronDir, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron\n', [binary]: '' });
    expect(chooseLaunchMode(electronDir, files, {})).toEqual({ kind: 'electron', binary });
  });

  it('serves the browser when the binary was never downloaded', () => {
    expect(chooseLaunchMode(electronDir, installed({}), {})).toEqual({
      kind: 'browser',
      reason: 'node_modules/electron/path.txt is missing: the binary was never installed.',
    });
    expect(chooseLaunchMode(electronDir, installed({ [join(electronDir, 'path.txt')]: '  ' }), {})).toMatchObject({
      kind: 'browser',
    });
  });

  it('serves the browser when path.txt names a binary that is not there', () => {
    const files = installed({ [join(electronDir, 'path.txt')]: 'electron' });
    expect(chooseLaunchMode(electronDir, files, {})).toEqual({
      kind: 'browser',
      reason: `${join(electronDir, 'dist', 'electron')} does not exist.`,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const binary = join('/opt/electron-45', 'electron');
    const files = installed({ [join(electronDir, 'path.txt')]: 'electron', [binary]: '' });
    expect(chooseLaunchMode(electronDir, files, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' })).toEqual({
      kind: 'electron',
      binary,
    });
    const withoutPathTxt = installed({ [binary]: '' });
    expect(chooseLaunchMode(electronDir, withoutPathTxt, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' })).toEqual({
      kind: 'electron',
      binary,
    });
    expect(chooseLaunchMode(electronDir, installed({}), { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' })).toMatchObject({
      kind: 'browser',
    });
  });
});
