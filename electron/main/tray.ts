// Owns the tray icon: always there while the app runs, with Open and Quit in its menu.

export type TrayMenuItem = { readonly label: string; readonly click: () => void } | { readonly type: 'separator' };

/** The parts of Electron's Tray we use; `Menu` is whatever the menu builder returns. */
export interface TrayIcon<Menu> {
  setToolTip(text: string): void;
  setContextMenu(menu: Menu): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface TrayOptions<Menu> {
  readonly tray: TrayIcon<Menu>;
  readonly buildMenu: (items: TrayMenuItem[]) => Menu;
  readonly tooltip: string;
  readonly onOpen: () => void;
  readonly onQuit: () => void;
}

export function trayMenuItems(onOpen: () => void, onQuit: () => void): TrayMenuItem[] {
  return [
    { label: 'Open Front Desk Inbox', click: onOpen },
    { type: 'separator' },
    { label: 'Quit Front Desk Inbox', click: onQuit },
  ];
}

export function setUpTray<Menu>(options: TrayOptions<Menu>): void {
  options.tray.setToolTip(options.tooltip);
  options.tray.setContextMenu(options.buildMenu(trayMenuItems(options.onOpen, options.onQuit)));
  // Windows and most Linux desktops open the app on a plain click; macOS shows the menu instead.
  options.tray.on('click', options.onOpen);
}
