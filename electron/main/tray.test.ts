import { describe, expect, it } from 'vitest';
import { setUpTray, type TrayIcon, type TrayMenuItem } from './tray';

class FakeTray implements TrayIcon<TrayMenuItem[]> {
  tooltip = '';
  menu: TrayMenuItem[] = [];
  clickListener: (() => void) | undefined;
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: TrayMenuItem[]) {
    this.menu = menu;
  }
  on(_event: 'click', listener: () => void) {
    this.clickListener = listener;
  }
}

function clickItem(menu: TrayMenuItem[], label: string) {
  const item = menu.find((candidate) => 'label' in candidate && candidate.label === label);
  if (!item || !('click' in item)) throw new Error(`no menu item ${label}`);
  item.click();
}

describe('tray', () => {
  it('offers Open and Quit, and opens the inbox on a click', () => {
    const tray = new FakeTray();
    const actions: string[] = [];
    setUpTray({
      tray,
      buildMenu: (items) => items,
      tooltip: 'Front Desk Inbox',
      onOpen: () => actions.push('open'),
      onQuit: () => actions.push('quit'),
    });

    expect(tray.tooltip).toBe('Front Desk Inbox');
    expect(tray.menu.map((item) => ('label' in item ? item.label : '---'))).toEqual([
      'Open Front Desk Inbox',
      '---',
      'Quit Front Desk Inbox',
    ]);
    clickItem(tray.menu, 'Open Front Desk Inbox');
    clickItem(tray.menu, 'Quit Front Desk Inbox');
    tray.clickListener?.();
    expect(actions).toEqual(['open', 'quit', 'open']);
  });
});
