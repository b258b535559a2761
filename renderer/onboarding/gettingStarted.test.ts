import { describe, expect, it } from 'vitest';
import { effectiveGrants, noGrants as NO_GRANTS } from '../../shared/permissions';
import { gettingStartedSteps } from './gettingStarted';

describe('the empty inbox', () => {
  it('gives owners the three steps, each with where to do it', () => {
    const steps = gettingStartedSteps(effectiveGrants('owner', null), true);
    expect(steps?.map((step) => step.title)).toEqual(['Connect your booking system', 'Add your team', 'Turn on Client Connect']);
    expect(steps?.find((step) => step.id === 'team')?.link).toEqual({ href: '#/settings/team', label: 'Open Team settings' });
    expect(steps?.find((step) => step.id === 'client-connect')).toMatchObject({
      link: { href: '#/settings/messages', label: 'Open Messages settings' },
      done: true,
    });
  });

  it('links a manager only to the pages they may open', () => {
    const teamOnly = gettingStartedSteps({ ...NO_GRANTS, accessChats: true, manageTeam: true }, true);
    expect(teamOnly?.find((step) => step.id === 'team')?.link?.href).toBe('#/settings/team');
    expect(teamOnly?.find((step) => step.id === 'client-connect')?.link).toBeNull();
  });

  it('gives everyone else no checklist', () => {
    expect(gettingStartedSteps({ ...NO_GRANTS, accessChats: true, replyChats: true }, true)).toBeNull();
  });
});
