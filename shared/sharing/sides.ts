/**
 * One shared record, read from both companies: what one side calls "us" the
 * other calls "partner". Pure, so the worker, the extension and the tests
 * all flip the same way.
 */

/** The fields whose two values swap between the sides, by record kind. */
export const sidedFields = {
  commitments: { owed_by: ["us", "partner"] },
  referrals: { direction: ["to_us", "to_partner"] },
  interactions: { direction: ["inbound", "outbound"] },
  goals: {},
  meetings: {},
} as const satisfies Record<string, Record<string, readonly [string, string]>>;

export type SharedKind = keyof typeof sidedFields;

export const sharedKinds = Object.keys(sidedFields) as SharedKind[];

export function isSharedKind(collection: string): collection is SharedKind {
  return Object.hasOwn(sidedFields, collection);
}

/**
 * The record (or a change to it) as the other side reads or means it: each
 * sided field's value swapped; values with no other side ("both") and other
 * fields kept. Flipping twice gives the record back.
 */
export function flipSides<T extends object>(kind: SharedKind, record: T): T {
  const pairs: Record<string, readonly [string, string]> = sidedFields[kind];
  const flipped = { ...record } as Record<string, unknown>;
  for (const [field, [one, other]] of Object.entries(pairs)) {
    const value = flipped[field];
    if (value === one) flipped[field] = other;
    else if (value === other) flipped[field] = one;
  }
  return flipped as T;
}
