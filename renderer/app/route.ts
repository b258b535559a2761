// Where the signed-in app is, kept in the address's fragment (#/settings/team) so the browser's
// Back button and a reload keep the place. A route the member may not open falls back to the inbox.
import { can, type Grants } from '../../shared/permissions';

export type SettingsSection = 'messages' | 'quick-replies' | 'hours' | 'team' | 'audit' | 'computer';
export type Route = { screen: 'inbox' } | { screen: 'settings'; section: SettingsSection } | { screen: 'profile' };

/** null: every member may open it (This computer is about the computer, not the workspace). */
const SECTION_PERMISSION = {
  messages: 'settings.manage',
  'quick-replies': 'settings.manage',
  hours: 'settings.manage',
  team: 'team.manage',
  audit: 'audit.view',
  computer: null,
} as const;

const SECTION_ORDER: readonly SettingsSection[] = ['messages', 'quick-replies', 'hours', 'team', 'audit', 'computer'];

export const INBOX_ROUTE: Route = { screen: 'inbox' };
/** Every member's own page (notification preferences). */
export const PROFILE_ROUTE: Route = { screen: 'profile' };

/** The Settings sections this member may open, in menu order. */
export function allowedSettingsSections(grants: Grants): SettingsSection[] {
  return SECTION_ORDER.filter((section) => {
    const permission = SECTION_PERMISSION[section];
    return permission === null || can(grants, permission);
  });
}

export const canOpenSettings = (grants: Grants): boolean => allowedSettingsSections(grants).length > 0;

const isSection = (value: string | undefined): value is SettingsSection =>
  SECTION_ORDER.some((section) => section === value);

/** "#/settings/team" → the Team section, if the member may open it. */
export function parseRoute(hash: string, grants: Grants): Route {
  const [screen, section] = hash.replace(/^#\/?/, '').split('/');
  if (screen === 'profile') return PROFILE_ROUTE;
  if (screen !== 'settings') return INBOX_ROUTE;
  const allowed = allowedSettingsSections(grants);
  if (isSection(section) && allowed.includes(section)) return { screen: 'settings', section };
  const [first] = allowed;
  return first ? { screen: 'settings', section: first } : INBOX_ROUTE;
}

export function routeHref(route: Route): string {
  if (route.screen === 'profile') return '#/profile';
  return route.screen === 'inbox' ? '#/messages' : `#/settings/${route.section}`;
}
