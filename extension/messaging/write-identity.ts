import type { OutboxView, PendingWrite, WriteIdentity } from "../messaging/protocol.ts";

/**
 * Whether a write made as `made` may be sent as `now`: the same API, and the
 * same member (a new token of the same member will do); when either member is
 * unknown (the API could not be asked when that token was saved), only the
 * same token will.
 */
export function sameIdentity(made: WriteIdentity, now: WriteIdentity): boolean {
  if (made.apiUrl !== now.apiUrl) return false;
  if (made.memberId && now.memberId) return made.memberId === now.memberId;
  return made.tokenHash === now.tokenHash;
}

/** Splits the outbox into the writes of whoever is signed in now and those waiting for another sign-in. */
export function outboxView(entries: PendingWrite[], now: WriteIdentity | null, rejected: boolean): OutboxView {
  const writes: PendingWrite[] = [];
  const held: OutboxView["held"] = [];
  for (const entry of entries) {
    if (now && sameIdentity(entry.identity, now)) {
      writes.push(entry);
      continue;
    }
    const group = held.find((g) => sameIdentity(entry.identity, g.identity));
    if (group) group.writes.push(entry);
    else held.push({ identity: entry.identity, writes: [entry] });
  }
  return { writes, signInNeeded: rejected && writes.length > 0, held };
}

/** "ana@acme.com in workspace Acme", or as much of it as is known. */
export function describeIdentity(identity: WriteIdentity): string {
  const who = identity.email ?? `another token (${identity.tokenHash.slice(0, 6)})`;
  return identity.workspaceName ? `${who} in workspace ${identity.workspaceName}` : `${who} at ${identity.apiUrl}`;
}
