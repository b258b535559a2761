// Settings → Team: permission-group edits made offline. Queued ones say they wait for the
// connection; one whose group someone else changed meanwhile shows both versions and waits
// for the manager's choice; a refused one says why and can be dropped.
import { useEffect, useSyncExternalStore } from 'react';
import { ConflictChoice } from '../settings/ConflictChoice';
import { GRANT_SECTIONS } from '../team/grants';
import { withOwnGroupEdits } from '../team/groupEditor';
import { useOffline } from './OfflineContext';
import type { PendingGroupEdit } from './pendingEdits';

const grantRows = (theirs: PendingGroupEdit['draft'], mine: PendingGroupEdit['draft']) =>
  GRANT_SECTIONS.flatMap((section) => section.options).map(({ key, label }) => ({
    label,
    theirs: theirs.grants[key] ? 'Granted' : 'Not granted',
    mine: mine.grants[key] ? 'Granted' : 'Not granted',
  }));

/** `onChanged` runs whenever the queue changes (an edit applied, a choice made): reload then. */
export function PendingGroupEdits({ onChanged }: { onChanged: () => void }) {
  const { edits, status } = useOffline();
  const pending = useSyncExternalStore(edits.subscribe, edits.snapshot);
  useEffect(() => edits.subscribe(onChanged), [edits, onChanged]);
  if (pending.length === 0) return null;

  return (
    <section className="settings-card" aria-label="Changes made offline" data-testid="offline-edits">
      {pending.map((edit) => (
        <div key={edit.groupId} data-testid="offline-edit" data-group-id={edit.groupId} data-state={edit.state}>
          {edit.state === 'queued' && (
            <p className="notice notice--info" role="status">
              Your changes to the permission group {edit.draft.name} are saved on this computer.{' '}
              {status === 'connected' ? 'Applying them now…' : 'They apply when the connection is back.'}
            </p>
          )}
          {edit.state === 'conflict' && edit.theirs && (
            <ConflictChoice
              what={`the permission group ${edit.theirs.name}`}
              rows={[
                { label: 'Group name', theirs: edit.theirs.name, mine: withOwnGroupEdits(edit.theirs, edit).name },
                ...grantRows(edit.theirs, withOwnGroupEdits(edit.theirs, edit)),
              ]}
              savedAt={undefined}
              useTheirsLabel="Use their version"
              onUseTheirs={() => void edits.useTheirs(edit.groupId)}
              onKeepMine={() => void edits.keepMine(edit.groupId)}
            />
          )}
          {edit.state === 'failed' && (
            <div className="notice notice--error" role="alert">
              <p>
                Your offline changes to the permission group {edit.draft.name} were not saved. {edit.error}
              </p>
              <button type="button" className="secondary-button" onClick={() => void edits.discard(edit.groupId)}>
                Dismiss
              </button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
