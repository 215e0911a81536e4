import { daysBetween } from "./calendar.ts";

/**
 * A partnership with no contact for three of its own cadence periods (at least
 * 30 days), or 90 days when it has no cadence, has gone dormant: it should be
 * revived or ended honestly rather than left to gather dust.
 */
export function dormantAfterDays(cadenceDays: number | null): number {
  return cadenceDays === null ? 90 : Math.max(cadenceDays * 3, 30);
}

export function isDormant(
  partner: { status: string; cadence_days: number | null; last_contact_at: string | null; created_at: string },
  now: Date,
): boolean {
  if (partner.status !== "active") return false;
  const quietSince = new Date(partner.last_contact_at ?? partner.created_at);
  return daysBetween(quietSince, now) > dormantAfterDays(partner.cadence_days);
}

/** The earliest quiet-since time that can be dormant under any cadence: a cheap SQL pre-filter. */
export function dormancyCandidateCutoff(now: Date): string {
  return new Date(now.getTime() - 30 * 86_400_000).toISOString();
}

/**
 * Where an active partnership stands on the way to dormancy: "quiet" once
 * past its contact cadence (it should hear from us), "dormant" past
 * dormantAfterDays; null while it is within its cadence (or has none and
 * isn't dormant yet), or isn't active.
 */
export function quietness(
  partner: { status: string; cadence_days: number | null; last_contact_at: string | null; created_at: string },
  now: Date,
): { state: "quiet" | "dormant"; daysSilent: number } | null {
  if (partner.status !== "active") return null;
  const daysSilent = daysBetween(new Date(partner.last_contact_at ?? partner.created_at), now);
  if (daysSilent > dormantAfterDays(partner.cadence_days)) return { state: "dormant", daysSilent };
  if (partner.cadence_days !== null && daysSilent > partner.cadence_days) return { state: "quiet", daysSilent };
  return null;
}
