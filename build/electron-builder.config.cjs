// Packaging for Windows, macOS and Linux: `electron-builder --config build/electron-builder.config.cjs`
// after `electron-vite build`. CommonJS because package.json says "type": "module".

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.frontdeskinbox.app',
  productName: 'Front Desk Inbox',
  copyright: 'Copyright © Front Desk Inbox',
  directories: { output: 'dist', buildResources: 'build' },

  // electron-vite bundles our code into out/; production node_modules are added by the builder.
  files: ['out/**', 'package.json'],
  // The tray icon, read at run time from process.resourcesPath (see electron/main/index.ts).
  extraResources: [{ from: 'build/icon.png', to: 'icon.png' }],
  asar: true,
  // A native module cannot be loaded from inside the asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**'],
  // better-sqlite3 loads through its N-API prebuilds (one per OS and CPU, shipped in the
  // package), which work in Electron as in Node: nothing to rebuild, and node_modules stays
  // usable by the Node-based tests.
  npmRebuild: false,
  // No spaces, and the same shape on every platform, so CI can glob the artifacts.
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',

  // Electron's security fuses: the packaged binary cannot be turned into a general Node runtime.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  // Updates come from the salon's own server, as a plain folder (generic provider): IT copies
  // the installers and the latest*.yml files this build writes into the folder the inbox server
  // serves at /updates/ (--updates-dir). The address here only ends up in app-update.yml, which
  // electron-updater reads for its cache folder: the app sets the real feed at start (the inbox
  // server's /updates/, or IT's updateUrl). One byte range per request, which that server answers.
  publish: [{ provider: 'generic', url: 'http://127.0.0.1:4780/updates/', useMultipleRangeRequest: false }],

  win: {
    target: ['nsis', 'msi'],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    // The Start-menu shortcut carries the AppUserModelID that Windows notifications need.
    createStartMenuShortcut: true,
  },
  msi: {
    // IT deploys MSIs to every reception computer, so install for all users.
    perMachine: true,
    oneClick: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
  },

  mac: {
    // The dmg is for installing; electron-updater updates a Mac from the zip.
    target: ['dmg', 'zip'],
    category: 'public.app-category.business',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icon.png',
    category: 'Office',
    executableName: 'front-desk-inbox',
    synopsis: "A salon front desk's inbox for client messages",
    maintainer: 'Front Desk Inbox <support@frontdeskinbox.app>',
  },
};
