// The packaging config, loaded and validated by electron-builder's own code (as `npm run dist`
// does), then checked for what the product relies on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const CONFIG_FILE = 'build/electron-builder.config.cjs';

const loadConfig = (): Promise<Configuration> => getConfig(projectRoot, CONFIG_FILE, null);

const targetsOf = (platform: Configuration['win'] | Configuration['mac'] | Configuration['linux']) =>
  platform?.target;

describe('electron-builder config', () => {
  it('is accepted by electron-builder’s schema', async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('identifies the app', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('com.frontdeskinbox.app');
    expect(config.productName).toBe('Front Desk Inbox');
    expect(config.directories?.output).toBe('dist');
  });

  it('packages the built app and keeps better-sqlite3 loadable', async () => {
    const config = await loadConfig();
    // electron-builder normalises a list of globs into one file set.
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(config.npmRebuild).toBe(false);
  });

  it('builds installers for every desktop platform', async () => {
    const config = await loadConfig();
    expect(targetsOf(config.win)).toEqual(['nsis', 'msi']);
    // The zip is what electron-updater installs on macOS.
    expect(targetsOf(config.mac)).toEqual(['dmg', 'zip']);
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(config.artifactName).toBe('${name}-${version}-${os}-${arch}.${ext}');
  });

  it('points at icons and entitlements that exist', async () => {
    const config = await loadConfig();
    const files = [
      config.win?.icon,
      config.mac?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.linux?.icon,
    ];
    for (const file of files) {
      expect(file).toEqual(expect.any(String));
      expect(existsSync(join(projectRoot, String(file)))).toBe(true);
    }
  });

  it('ships the tray icon the main process reads from resources', async () => {
    const config = await loadConfig();
    expect(config.extraResources).toEqual([{ from: 'build/icon.png', to: 'icon.png' }]);
    expect(existsSync(join(projectRoot, 'build/icon.png'))).toBe(true);
  });

  it('publishes updates for the generic provider, one byte range per request', async () => {
    const config = await loadConfig();
    expect(config.publish).toEqual([{ provider: 'generic', url: 'http://127.0.0.1:4780/updates/', useMultipleRangeRequest: false }]);
    // NSIS is the Windows installer electron-updater can update (the MSI is for IT's deployment tools).
    expect(targetsOf(config.win)).toContain('nsis');
  });

  it('turns off the fuses that would let the binary run as plain Node', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
