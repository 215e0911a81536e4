/**
 * How dates, counts and amounts read to a person, in their locale: "yesterday",
 * "in 3 days", "3 weeks ago", "394,403 of 500,000", "£45,000". Pure: the clock
 * and the locale are passed in.
 */

const dayMs = 86_400_000;

/** Whole calendar days from `now`'s day to `when`'s day (UTC days, as due dates are). */
function dayDifference(when: string, now: Date): number {
  const day = (value: number) => Math.floor(value / dayMs);
  const at = /^\d{4}-\d{2}-\d{2}$/.test(when) ? Date.parse(`${when}T00:00:00Z`) : Date.parse(when);
  return day(at) - day(now.getTime());
}

/** "today", "yesterday", "in 3 days", "2 weeks ago", "5 months ago": the unit grows with the distance. */
export function relativeDay(when: string, now: Date, locale?: string): string {
  const days = dayDifference(when, now);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const distance = Math.abs(days);
  if (distance < 14) return format.format(days, "day");
  if (distance < 60) return format.format(Math.round(days / 7), "week");
  if (distance < 730) return format.format(Math.round(days / 30), "month");
  return format.format(Math.round(days / 365), "year");
}

/** A figure with the locale's grouping: 394403 → "394,403"; at most two decimals. */
export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** An amount in minor units in its currency: 4500000 GBP → "£45,000"; an unknown currency code is named as is. */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(amountMinor / 100);
  } catch {
    return `${currency} ${formatNumber(amountMinor / 100, locale)}`;
  }
}

/** A goal's progress as a sentence: "394,403 of 500,000", "3 of –" when no target. */
export function goalFigures(current: number | null, target: number | null, locale?: string): string {
  const figure = (value: number | null) => (value === null ? "–" : formatNumber(value, locale));
  return `${figure(current)} of ${figure(target)}`;
}
