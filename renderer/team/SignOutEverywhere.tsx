// Ends every session of a member, after asking: on a shared front-desk computer this signs out
// whoever is using it, so the manager should mean it.
import { ConfirmedActionCard } from './ConfirmedActionCard';

interface SignOutEverywhereProps {
  memberName: string;
  state: { pending: boolean; result: string | null; error: string | null };
  onConfirm: () => void;
}

export function SignOutEverywhere({ memberName, state, onConfirm }: SignOutEverywhereProps) {
  return (
    <ConfirmedActionCard
      title="Apply changes now"
      help={`Signs ${memberName} out on every computer and browser. Their new permissions and locations apply when they sign in again.`}
      buttonLabel="Sign out of all devices"
      disabled={state.pending}
      result={state.result}
      error={state.error}
      question={{
        title: `Sign ${memberName} out of all devices?`,
        confirmLabel: 'End all sessions',
        cancelLabel: 'Keep signed in',
        body: (
          <p>
            {memberName} will be signed out everywhere, including on any shared front-desk computer they are using now.
            A reply they are still typing there will be lost.
          </p>
        ),
      }}
      onConfirm={onConfirm}
    />
  );
}
