// The secretariat's rule over accounts: when a change of role or of the disabled flag is
// refused, and why. Pure: the query (lib/db/queries/accounts.ts) reads the facts under lock and
// applies the answer; the unit tests call it directly.
import type { Role } from "./vocabulary";

export type AccountChangeFacts = {
  actorId: string;
  target: { id: string; role: Role; disabled: boolean };
  change: { role?: Role; disabled?: boolean };
  /** Active (not disabled) secretariat accounts, read under lock; the target too if it is one. */
  activeSecretariatIds: readonly string[];
  /** The target's entries in the current contest that still compete (as owner or linked co-author). */
  currentEntries: number;
  /** Roles the current contest does not let enter (normally juror and secretariat). */
  excludedRoles: readonly Role[];
  /** The target's assignments in open rounds. */
  openAssignments: number;
};

export type AccountChangeRefusal = { code: "cannotChangeSelf" | "lastSecretariat" | "accountHasEntries" | "jurorHasAssignments"; params: Record<string, number> };

/**
 * Whether the secretariat may change an account's role or disabled flag, or why not:
 * - nobody disables or demotes themselves (they would lock themselves out mid-task);
 * - the contest always keeps at least one active secretariat account;
 * - someone competing in the current contest cannot join the jury or the secretariat, whose
 *   members may not enter;
 * - a juror with assignments in an open round keeps their role and access until the
 *   assignments are removed, so no sheet is left without its juror.
 */
export function accountChangeRefusal(f: AccountChangeFacts): AccountChangeRefusal | null {
  const role = f.change.role ?? f.target.role;
  const disabled = f.change.disabled ?? f.target.disabled;
  const roleChanges = role !== f.target.role;
  const disabling = disabled && !f.target.disabled;
  if (f.actorId === f.target.id && (disabling || (roleChanges && f.target.role === "secretariat"))) return { code: "cannotChangeSelf", params: {} };
  const wasActiveSecretariat = f.target.role === "secretariat" && !f.target.disabled;
  const staysActiveSecretariat = role === "secretariat" && !disabled;
  if (wasActiveSecretariat && !staysActiveSecretariat && !f.activeSecretariatIds.some((id) => id !== f.target.id)) return { code: "lastSecretariat", params: {} };
  if (roleChanges && f.excludedRoles.includes(role) && f.currentEntries > 0) return { code: "accountHasEntries", params: { count: f.currentEntries } };
  if (f.target.role === "juror" && (roleChanges || disabling) && f.openAssignments > 0) return { code: "jurorHasAssignments", params: { count: f.openAssignments } };
  return null;
}
