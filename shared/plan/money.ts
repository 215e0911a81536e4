import type { Money } from "../schemas/plan.ts";

/** How many minor units a currency's major unit has (2 for EUR, 0 for JPY, 3 for KWD), as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount for people, in their locale: "€25,000.00", "25.000,00 €". */
export function formatMoney(money: Money, locale?: string): string {
  const digits = minorDigits(money.currency);
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }).format(money.amount_minor / 10 ** digits);
  } catch {
    return `${(money.amount_minor / 10 ** digits).toFixed(digits)} ${money.currency}`;
  }
}

/** A money input's value ("12500.5", as a number input gives it) from minor units. */
export function majorAmountText(money: Money): string {
  const digits = minorDigits(money.currency);
  return (money.amount_minor / 10 ** digits).toFixed(digits);
}

/**
 * Minor units from what was typed in a number input, or null if it is not an
 * amount of that currency (negative, not a number, more decimals than it has).
 */
export function minorFromText(text: string, currency: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const digits = minorDigits(currency);
  const [whole, fraction = ""] = trimmed.split(".");
  if (fraction.replace(/0+$/, "").length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0").slice(0, digits) || "0");
}
