// Reception computers for managers (Settings → Team): which computers are set up for quick
// switching, and removing one that is lost, sold or moved (audited). Setting one up is an HTTP
// call from the computer itself (reception.routes.ts).
import { err, ok } from '../../shared/result';
import type { RealtimeContext } from '../realtime/context';
import type { StaffSocket } from '../realtime/types';

const dateOf = (at: number) => new Date(at).toISOString().slice(0, 10);

export function registerReceptionHandlers(socket: StaffSocket, { repos, clock, onStaff }: RealtimeContext): void {
  onStaff(socket, 'reception:list-computers', () => ok({ items: repos.reception.computers() }));

  onStaff(socket, 'reception:remove-computer', ({ computerId }, context) => {
    const computer = repos.reception.computers().find((candidate) => candidate.id === computerId);
    if (!computer) return err('not_found', 'This reception computer is not set up for quick switching (any more).');
    repos.transaction(() => {
      repos.reception.removeDevice(computer.id);
      repos.audit.record({
        at: clock.now(),
        actor: { id: context.session.memberId, name: context.memberName },
        action: 'reception.removeComputer',
        subject: `Reception computer at ${computer.location.name}, set up ${dateOf(computer.registeredAt)}${computer.registeredBy ? ` by ${computer.registeredBy}` : ''}`,
        before: { location: computer.location.name, locked: computer.locked },
        after: null,
      });
    });
    return ok({ removed: true as const });
  });
}
