import { describe, expect, it } from 'vitest';
import { effectiveGrants, noGrants } from '../../shared/permissions';
import { sessionEndedNotice } from '../session/sessionEnded';
import { allowedSettingsSections, canOpenSettings, parseRoute, routeHref } from './route';

const owner = effectiveGrants('owner', null);
const teamManager = { ...noGrants, accessChats: true, manageTeam: true };

describe('routes', () => {
  it('opens the Settings sections the member may manage, in menu order', () => {
    expect(allowedSettingsSections(owner)).toEqual(['messages', 'quick-replies', 'hours', 'team', 'audit', 'computer']);
    expect(allowedSettingsSections(teamManager)).toEqual(['team', 'computer']);
    // This computer is for everyone at the computer.
    expect(allowedSettingsSections(noGrants)).toEqual(['computer']);
    expect(canOpenSettings(noGrants)).toBe(true);
  });

  it('reads the fragment, falling back to what the member may open', () => {
    expect(parseRoute('', owner)).toEqual({ screen: 'inbox' });
    expect(parseRoute('#/messages', owner)).toEqual({ screen: 'inbox' });
    expect(parseRoute('#/settings/audit', owner)).toEqual({ screen: 'settings', section: 'audit' });
    expect(parseRoute('#/settings', owner)).toEqual({ screen: 'settings', section: 'messages' });
    expect(parseRoute('#/settings/messages', teamManager)).toEqual({ screen: 'settings', section: 'team' });
    expect(parseRoute('#/settings/team', noGrants)).toEqual({ screen: 'settings', section: 'computer' });
    expect(parseRoute('#/settings/computer', noGrants)).toEqual({ screen: 'settings', section: 'computer' });
  });

  it('writes routes back to the fragment', () => {
    expect(routeHref({ screen: 'settings', section: 'team' })).toBe('#/settings/team');
    expect(parseRoute(routeHref({ screen: 'settings', section: 'audit' }), owner)).toEqual({ screen: 'settings', section: 'audit' });
  });

  it('opens everyone\'s own Profile, whatever their grants', () => {
    expect(parseRoute('#/profile', noGrants)).toEqual({ screen: 'profile' });
    expect(routeHref({ screen: 'profile' })).toBe('#/profile');
  });
});

describe('sessionEndedNotice', () => {
  it('tells the member why they are back at sign-in', () => {
    expect(sessionEndedNotice('signed-out-everywhere')).toMatch(/^A manager signed you out of all devices/);
    expect(sessionEndedNotice('deactivated')).toMatch(/^A manager deactivated your account, so you were signed out\./);
    expect(sessionEndedNotice('expired')).toBe('Your session has ended. Sign in again to continue.');
  });
});
