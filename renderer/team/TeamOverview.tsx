// Settings → Team at a glance: the permission groups with what they grant and how many members
// they have, every active team member with their group and locations, and the deactivated ones
// (who can be reactivated).
import { useId } from 'react';
import type { Team, TeamMember } from '../../shared/teamEvents';
import type { TeamActor } from '../../shared/teamRules';
import { describeGrants } from './grants';
import { isOwner, memberGroupLabel, memberLocationsLabel } from './members';
import { memberLockReason } from './teamActor';

interface TeamOverviewProps {
  team: Team;
  actor: TeamActor;
  onEditGroup: (groupId: number) => void;
  onEditMember: (memberId: number) => void;
  onReactivate: (member: TeamMember) => void;
  reactivation: { pending: boolean; error: string | null };
}

export function TeamOverview({ team, actor, onEditGroup, onEditMember, onReactivate, reactivation }: TeamOverviewProps) {
  const groupsTitleId = useId();
  const membersTitleId = useId();
  const deactivatedTitleId = useId();
  const { groups, locations } = team;
  const members = team.members.filter((member) => member.deactivatedAt === undefined);
  const deactivated = team.members.filter((member) => member.deactivatedAt !== undefined);
  return (
    <>
      <section className="settings-card" aria-labelledby={groupsTitleId}>
        <h2 id={groupsTitleId} className="settings-card__title">
          Permission groups
        </h2>
        <p className="settings-card__help">Owners always have every permission. Everyone else has what their group grants.</p>
        {groups.length === 0 ? (
          <p className="settings-card__empty">No permission groups yet. Add one to give team members access.</p>
        ) : (
          <table className="settings-table" aria-labelledby={groupsTitleId}>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Permissions</th>
                <th scope="col">Members</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.id} data-testid="permission-group" data-group-id={group.id}>
                  <th scope="row">{group.name}</th>
                  <td>{describeGrants(group.grants)}</td>
                  <td>{group.memberCount}</td>
                  <td className="settings-table__action">
                    <button type="button" className="secondary-button secondary-button--small" onClick={() => onEditGroup(group.id)}>
                      Edit<span className="visually-hidden"> {group.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="settings-card" aria-labelledby={membersTitleId}>
        <h2 id={membersTitleId} className="settings-card__title">
          Team members
        </h2>
        <table className="settings-table" aria-labelledby={membersTitleId}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Permission group</th>
              <th scope="col">Locations</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              // Owners are not edited here; members beyond this manager's reach are not offered.
              const lockReason = isOwner(member) ? null : memberLockReason(actor, member, team);
              return (
                <tr key={member.id} data-testid="team-member" data-member-id={member.id}>
                  <th scope="row">
                    <span className="settings-table__name">{member.name}</span>
                    <span className="settings-table__detail">{member.email}</span>
                  </th>
                  <td>{memberGroupLabel(member, groups)}</td>
                  <td>{isOwner(member) ? 'All locations' : memberLocationsLabel(member.locationIds, locations)}</td>
                  <td className="settings-table__action">
                    {!isOwner(member) && lockReason === null && (
                      <button type="button" className="secondary-button secondary-button--small" onClick={() => onEditMember(member.id)}>
                        Edit<span className="visually-hidden"> {member.name}</span>
                      </button>
                    )}
                    {lockReason !== null && <LockedAccount reason={lockReason} testId="member-locked" />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {deactivated.length > 0 && (
        <section className="settings-card" aria-labelledby={deactivatedTitleId}>
          <h2 id={deactivatedTitleId} className="settings-card__title">
            Deactivated
          </h2>
          <p className="settings-card__help">They can't sign in. Their messages and history keep their name.</p>
          {reactivation.error && (
            <p className="notice notice--error" role="alert">
              {reactivation.error}
            </p>
          )}
          <table className="settings-table" aria-labelledby={deactivatedTitleId}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Permission group</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deactivated.map((member) => {
                const lockReason = memberLockReason(actor, member, team);
                return (
                  <tr key={member.id} data-testid="deactivated-member" data-member-id={member.id}>
                    <th scope="row">
                      <span className="settings-table__name">{member.name}</span>
                      <span className="settings-table__detail">{member.email}</span>
                    </th>
                    <td>{memberGroupLabel(member, groups)}</td>
                    <td className="settings-table__action">
                      {lockReason === null ? (
                        <>
                          {/* Their group can still be changed, e.g. to empty a group before deleting it. */}
                          <button type="button" className="secondary-button secondary-button--small" onClick={() => onEditMember(member.id)}>
                            Edit<span className="visually-hidden"> {member.name}</span>
                          </button>{' '}
                          <button
                            type="button"
                            className="secondary-button secondary-button--small"
                            disabled={reactivation.pending}
                            onClick={() => onReactivate(member)}
                          >
                            Reactivate<span className="visually-hidden"> {member.name}</span>
                          </button>
                        </>
                      ) : (
                        <LockedAccount reason={lockReason} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** Why this manager may not change an account, in the row where its buttons would be. */
function LockedAccount({ reason, testId }: { reason: string; testId?: string }) {
  return (
    <span className="settings-table__detail" data-testid={testId} title={reason}>
      You can't change this account<span className="visually-hidden">: {reason}</span>
    </span>
  );
}
