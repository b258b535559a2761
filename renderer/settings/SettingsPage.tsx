// The frame of one Settings page: its title (the page's h1), a line saying what it is for,
// optional actions at the top right, the owners' storage warning when there is one, and the
// page's content.
import { useId, type ReactNode, type Ref } from 'react';
import { StorageWarning } from './StorageWarning';

interface SettingsPageProps {
  title: string;
  lead: string;
  actions?: ReactNode;
  children: ReactNode;
  /** For pages that move focus back to their title (e.g. after closing an editor). */
  titleRef?: Ref<HTMLHeadingElement>;
}

export function SettingsPage({ title, lead, actions, children, titleRef }: SettingsPageProps) {
  const titleId = useId();
  return (
    <main className="settings-main" aria-labelledby={titleId}>
      <div className="settings-page">
        <header className="settings-page__header">
          <div>
            <h1 id={titleId} className="settings-page__title" ref={titleRef} tabIndex={-1}>
              {title}
            </h1>
            <p className="settings-page__lead">{lead}</p>
          </div>
          {actions && <div className="settings-page__actions">{actions}</div>}
        </header>
        <StorageWarning />
        {children}
      </div>
    </main>
  );
}
