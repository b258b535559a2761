// Under the conversation's title: its status, snooze and assignee, and (for members who may
// reply) the buttons that change them; Mark as unread for everyone. Changes waiting to be sent,
// refused ones and ones someone else's overtook are said here too.
import { useState } from 'react';
import type { ConversationSummary } from '../../shared/domain';
import { MenuButton, type MenuItem } from '../ui/MenuButton';
import { useNow } from '../ui/useNow';
import type { TriageChange } from '../sending/queuedChange';
import { conflictText } from './eventWording';
import { SnoozeCustomForm } from './SnoozeCustomForm';
import { formatSnoozeTime, snoozePresets } from './snoozePresets';
import type { Triage } from './useTriage';

interface TriageBarProps {
  conversation: ConversationSummary;
  triage: Triage;
  timeZone: string;
  memberId: number;
  memberName: string;
  canReply: boolean;
  onMarkUnread: () => void;
  /** What the last Mark as unread did, for the live region. */
  unreadOutcome: string | null;
}

export function TriageBar({ conversation, triage, timeZone, memberId, memberName, canReply, onMarkUnread, unreadOutcome }: TriageBarProps) {
  const now = useNow();
  const [customOpen, setCustomOpen] = useState(false);
  const current = triage.current;
  if (!current) return null;
  const context = { clientName: conversation.client.name, timeZone, now };
  const describe = (change: TriageChange) => describeChange(change, now, timeZone);

  const statusText =
    current.status === 'snoozed' && current.snoozedUntil !== null
      ? `Snoozed until ${formatSnoozeTime(current.snoozedUntil, now, timeZone)}`
      : current.status === 'done'
        ? 'Done'
        : 'Open';
  const assigneeText = !current.assignee
    ? 'Unassigned'
    : current.assignee.id === memberId
      ? 'Assigned to you'
      : `Assigned to ${current.assignee.name}`;

  const snoozeItems: MenuItem[] = [
    // Computed again on the click: the menu may have stayed open a while.
    ...snoozePresets(now, timeZone).map((preset) => ({ key: preset.id, label: preset.label, onSelect: () => snoozeFor(preset.id) })),
    { key: 'custom', label: 'Custom…', onSelect: () => setCustomOpen(true) },
  ];
  const me = { id: memberId, name: memberName };
  function snoozeFor(presetId: string) {
    const preset = snoozePresets(Date.now(), timeZone).find((candidate) => candidate.id === presetId);
    if (preset) triage.snooze(preset.until);
  }
  const assignItems: MenuItem[] = [
    { key: 'me', label: 'Assign to me', onSelect: () => triage.assign(me) },
    ...(triage.assignees ?? [])
      .filter((member) => member.id !== memberId)
      .map((member) => ({ key: `m${member.id}`, label: member.name, checked: current.assignee?.id === member.id, onSelect: () => triage.assign(member) })),
    ...(current.assignee ? [{ key: 'none', label: 'Unassign', onSelect: () => triage.assign(null) }] : []),
  ];

  return (
    <div className="triage" data-testid="triage">
      <p className="triage__state">
        <span className={`triage__status triage__status--${current.status}`} data-testid="triage-status" data-status={current.status}>
          {statusText}
        </span>
        <span className="triage__assignee" data-testid="triage-assignee">
          {assigneeText}
        </span>
      </p>
      <div className="triage__actions">
        {canReply && (
          <>
            {current.status === 'done' ? (
              <button type="button" className="secondary-button" onClick={() => triage.setStatus('open')}>
                Reopen
              </button>
            ) : (
              <button type="button" className="secondary-button" onClick={() => triage.setStatus('done')}>
                Mark done
              </button>
            )}
            {current.status === 'snoozed' && (
              <button type="button" className="secondary-button" onClick={() => triage.setStatus('open')}>
                Unsnooze
              </button>
            )}
            <MenuButton label="Snooze" items={snoozeItems} />
            <MenuButton label="Assign" items={assignItems} onOpen={triage.loadAssignees} />
          </>
        )}
        <button type="button" className="secondary-button" onClick={onMarkUnread}>
          Mark as unread
        </button>
      </div>
      {customOpen && (
        <SnoozeCustomForm
          timeZone={timeZone}
          locationName={conversation.location.name}
          onCancel={() => setCustomOpen(false)}
          onSnooze={(until) => {
            setCustomOpen(false);
            triage.snooze(until);
          }}
        />
      )}
      <div role="status" className="triage__notes">
        {unreadOutcome && <p>{unreadOutcome}</p>}
        {triage.waiting
          .filter((waiting) => waiting.state !== 'failed')
          .map((waiting) => (
            <p key={waiting.changeId} className="triage__waiting" data-testid="triage-waiting">
              {describe(waiting.change)}: {waiting.state === 'sending' ? 'sending…' : 'waiting to be sent'}
            </p>
          ))}
      </div>
      <div role="alert" className="triage__problems">
        {triage.waiting
          .filter((waiting) => waiting.state === 'failed')
          .map((waiting) => (
            <p key={waiting.changeId} className="triage__problem" data-testid="triage-failed">
              {describe(waiting.change)} was not applied{waiting.problem ? `: ${waiting.problem}` : '.'}{' '}
              <button type="button" className="link-button" onClick={() => triage.retry(waiting.changeId)}>
                Retry
              </button>
              <button type="button" className="link-button" onClick={() => triage.discard(waiting.changeId)}>
                Discard
              </button>
            </p>
          ))}
        {triage.conflicts.map((notice) => (
          <p key={notice.changeId} className="triage__problem" data-testid="triage-conflict">
            {conflictText(notice.overtakenBy, context)}{' '}
            <span className="triage__yours">(Yours: {describe(notice.change)}.)</span>{' '}
            <button type="button" className="link-button" onClick={() => triage.dismissConflict(notice.changeId)}>
              Dismiss
            </button>
          </p>
        ))}
      </div>
    </div>
  );
}

function describeChange(change: TriageChange, now: number, timeZone: string): string {
  switch (change.type) {
    case 'status':
      return change.status === 'done' ? 'Mark done' : 'Reopen';
    case 'snooze':
      return `Snooze until ${formatSnoozeTime(change.until, now, timeZone)}`;
    case 'assign':
      return change.assignee ? `Assign to ${change.assignee.name}` : 'Unassign';
  }
}
