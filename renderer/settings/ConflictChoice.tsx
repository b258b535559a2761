// Shown when a save met a newer one by someone else: their saved values beside the manager's,
// and an explicit choice. Nothing is overwritten without the manager seeing what they replace.
import { formatMessageTime } from '../ui/format';
import { useNow } from '../ui/useNow';

interface ConflictChoiceProps {
  /** "these settings", "this permission group". */
  what: string;
  rows: { label: string; theirs: string; mine: string }[];
  savedAt?: number;
  useTheirsLabel: string;
  onUseTheirs: () => void;
  onKeepMine: () => void;
}

export function ConflictChoice({ what, rows, savedAt, useTheirsLabel, onUseTheirs, onKeepMine }: ConflictChoiceProps) {
  const now = useNow();
  return (
    <div className="notice notice--warning conflict-choice" role="alert" data-testid="save-conflict">
      <p className="conflict-choice__title">Someone else changed {what} while you were editing.</p>
      <p>
        Their version is saved{savedAt === undefined ? '' : ` (${formatMessageTime(savedAt, now)})`}. Your changes are
        not saved yet: keep them on top of theirs, or use theirs as they are.
      </p>
      <table className="conflict-choice__table">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Saved by them</th>
            <th scope="col">With your changes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.theirs === row.mine ? undefined : 'conflict-choice__differs'}>
              <th scope="row">{row.label}</th>
              <td>{row.theirs}</td>
              <td>{row.mine}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="conflict-choice__actions">
        <button type="button" className="secondary-button" onClick={onUseTheirs}>
          {useTheirsLabel}
        </button>
        <button type="button" className="primary-button" onClick={onKeepMine}>
          Keep my changes
        </button>
      </div>
    </div>
  );
}
