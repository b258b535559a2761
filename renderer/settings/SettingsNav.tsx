// The menu on the left of Settings, as the help article describes it: Clients → Messages,
// Team, and the audit log. Links, since they change the address (#/settings/…).
import { routeHref, type SettingsSection } from '../app/route';

const LABELS: Record<SettingsSection, string> = {
  messages: 'Messages',
  'quick-replies': 'Quick replies',
  hours: 'Opening hours',
  team: 'Team',
  audit: 'Audit log',
  computer: 'This computer',
};
/** Under Clients in the menu. */
const CLIENT_SECTIONS: readonly SettingsSection[] = ['messages', 'quick-replies', 'hours'];

interface SettingsNavProps {
  sections: SettingsSection[];
  current: SettingsSection;
}

export function SettingsNav({ sections, current }: SettingsNavProps) {
  const link = (section: SettingsSection) => (
    <a
      className="settings-nav__link"
      href={routeHref({ screen: 'settings', section })}
      aria-current={section === current ? 'page' : undefined}
    >
      {LABELS[section]}
    </a>
  );
  return (
    <nav className="settings-nav" aria-label="Settings">
      <p className="settings-nav__title">Settings</p>
      <ul className="settings-nav__list">
        {sections.some((section) => CLIENT_SECTIONS.includes(section)) && (
          <li>
            <p className="settings-nav__category">Clients</p>
            <ul className="settings-nav__list">
              {sections
                .filter((section) => CLIENT_SECTIONS.includes(section))
                .map((section) => (
                  <li key={section}>{link(section)}</li>
                ))}
            </ul>
          </li>
        )}
        {sections
          .filter((section) => !CLIENT_SECTIONS.includes(section))
          .map((section) => (
            <li key={section}>{link(section)}</li>
          ))}
      </ul>
    </nav>
  );
}
