// A Team page card for one action with consequences (deactivate a member, delete a group, sign
// a member out everywhere): what it does, its button, and a question before it happens. The
// safe answer is the default; the action runs only once confirmed.
import { useId, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

interface ConfirmedActionCardProps {
  title: string;
  /** What the action does, shown on the card. */
  help: ReactNode;
  /** The card's button; `buttonContext` is read out after it (e.g. whose account). */
  buttonLabel: string;
  buttonContext?: string;
  disabled: boolean;
  /** The outcome of the last run, announced politely; null when there is none to say. */
  result?: string | null;
  error: string | null;
  question: { title: string; confirmLabel: string; cancelLabel: string; body: ReactNode };
  onConfirm: () => void;
  testId?: string;
}

export function ConfirmedActionCard(props: ConfirmedActionCardProps) {
  const { title, help, buttonLabel, buttonContext, disabled, result, error, question, onConfirm, testId } = props;
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid={testId}>
      <div className="settings-card__row">
        <div>
          <h2 id={titleId} className="settings-card__title">
            {title}
          </h2>
          <p className="settings-card__help">{help}</p>
        </div>
        <button type="button" className="secondary-button" disabled={disabled} onClick={() => setConfirming(true)}>
          {buttonLabel}
          {buttonContext && <span className="visually-hidden"> {buttonContext}</span>}
        </button>
      </div>
      {result !== undefined && (
        <p className="settings-card__result" role="status">
          {result}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={question.title}
        confirmLabel={question.confirmLabel}
        cancelLabel={question.cancelLabel}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        {question.body}
      </ConfirmDialog>
    </section>
  );
}
