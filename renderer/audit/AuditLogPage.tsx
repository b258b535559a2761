// Settings → Audit log: every settings and permission change, newest first — who, when, what,
// and what it was before and after.
import { SettingsPage } from '../settings/SettingsPage';
import { formatAuditTime } from '../ui/format';
import { useNow } from '../ui/useNow';
import { ACTION_TITLES, summariseChanges } from './auditSummary';
import { useAuditLog } from './useAuditLog';

export function AuditLogPage() {
  const log = useAuditLog();
  const now = useNow();
  return (
    <SettingsPage title="Audit log" lead="Every change to Client Connect settings, permission groups and team members.">
      {log.error && (
        <p className="notice notice--error" role="alert">
          {log.error}
        </p>
      )}
      {!log.loaded && !log.error && (
        <p className="settings-page__loading" role="status">
          Loading the audit log…
        </p>
      )}
      {log.loaded && log.entries.length === 0 && <p className="settings-card__empty">No changes have been recorded yet.</p>}
      {log.entries.length > 0 && (
        <ol className="audit-list" aria-label="Audit log entries">
          {log.entries.map((entry) => {
            const changes = summariseChanges(entry.before, entry.after, log.names);
            const title = ACTION_TITLES[entry.action];
            // "Changed Client Connect settings · Client Connect settings" would say it twice.
            const showSubject = !title.toLowerCase().includes(entry.subject.toLowerCase());
            return (
              <li key={entry.id} className="audit-entry" data-testid="audit-entry" data-audit-id={entry.id}>
                <div className="audit-entry__head">
                  <p className="audit-entry__what">
                    {title}
                    {showSubject && <span className="audit-entry__subject"> · {entry.subject}</span>}
                  </p>
                  <p className="audit-entry__who">
                    {entry.actor.name}
                    {' · '}
                    <time dateTime={new Date(entry.at).toISOString()}>{formatAuditTime(entry.at, now)}</time>
                  </p>
                </div>
                {changes.length > 0 && (
                  <ul className="audit-entry__changes">
                    {changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {log.hasMore && (
        <div className="audit-list__more">
          <button type="button" className="secondary-button" onClick={() => void log.loadOlder()} disabled={log.loadingOlder}>
            {log.loadingOlder ? 'Loading older changes…' : 'Load older changes'}
          </button>
        </div>
      )}
    </SettingsPage>
  );
}
