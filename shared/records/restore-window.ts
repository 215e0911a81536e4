/**
 * How long a deleted record can be restored. The sidebar's Undo toast uses
 * the first seconds of it; the API keeps the row restorable for a month so a
 * mistake found at the next review can still be undone.
 */
export const restoreWindowDays = 30;

const dayMs = 24 * 60 * 60 * 1000;

/** The moment a record deleted at `deletedAt` stops being restorable. */
export function restorableUntil(deletedAt: string): Date {
  return new Date(Date.parse(deletedAt) + restoreWindowDays * dayMs);
}

/** Whether a record deleted at `deletedAt` can still be restored at `now`. */
export function isRestorable(deletedAt: string, now: Date): boolean {
  return now.getTime() < restorableUntil(deletedAt).getTime();
}
