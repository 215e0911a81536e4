/** Date rules shared by the API and the sidebar; `now` is always passed in. */

const dayMs = 86_400_000;

/** "YYYY-MM-DD" of an instant, in UTC. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A promise due on a day is overdue from the start of the next UTC day. */
export function isOverdue(dueOn: string | null, now: Date): boolean {
  return dueOn !== null && dueOn < utcDate(now);
}

/** Whole days from `earlier` to `later`, rounded down; never negative. */
export function daysBetween(earlier: Date, later: Date): number {
  return Math.max(0, Math.floor((later.getTime() - earlier.getTime()) / dayMs));
}
