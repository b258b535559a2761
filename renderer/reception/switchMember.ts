// What a PIN sign-in on the lock screen does to the open session: the same member unlocking
// keeps theirs (drafts, the open conversation), so the new session is not needed; anyone else
// replaces it, and the previous member's session on this computer ends.
export type SwitchPlan =
  | { kind: 'keep-current'; signOutToken: string }
  | { kind: 'replace'; signOutToken: string | null };

export function planSwitch(current: { token: string; memberId: number | null } | null, switched: { token: string; memberId: number }): SwitchPlan {
  if (current && current.memberId === switched.memberId) return { kind: 'keep-current', signOutToken: switched.token };
  return { kind: 'replace', signOutToken: current?.token ?? null };
}
