// The empty inbox of a new workspace: the checklist for owners and managers, or a plain note.
import { useId } from 'react';
import { useStaff } from '../session/StaffContext';
import { gettingStartedSteps } from './gettingStarted';

export function GettingStarted() {
  const { session } = useStaff();
  const titleId = useId();
  const steps = gettingStartedSteps(session.grants, session.workspace.settings.enabled);
  if (!steps) {
    return (
      <section className="conversation conversation--empty" aria-label="No conversations yet" data-testid="empty-inbox">
        <div className="empty-state">
          <p className="empty-state__title">No conversations yet</p>
          <p>Client messages will appear here.</p>
        </div>
      </section>
    );
  }
  return (
    <section className="conversation conversation--empty" aria-labelledby={titleId} data-testid="getting-started">
      <div className="getting-started">
        <h2 id={titleId} className="empty-state__title">
          Get {session.workspace.name} ready for client messages
        </h2>
        <p className="getting-started__lead">No conversations yet. These steps bring your clients and team in:</p>
        <ol className="getting-started__steps">
          {steps.map((step) => (
            <li key={step.id} className="getting-started__step" data-testid="getting-started-step" data-done={step.done}>
              <h3 className="getting-started__title">
                {step.title}
                {step.done && <span className="status-tag status-tag--confirmed getting-started__done">Done</span>}
              </h3>
              <p>{step.text}</p>
              {step.link && (
                <a className="secondary-button getting-started__link" href={step.link.href}>
                  {step.link.label}
                </a>
              )}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
