/**
 * Cell text as CRMs write it ("Closed Won", "$45,000.00", "2/12/2026, 2:05
 * PM", "https://www.acme.com/") turned into the API's values. A value that
 * can't be read is passed on as written, so the API's own check names the
 * field and the row instead of the import guessing.
 */
import { websiteHost } from "../website-host.ts";

/** Lower-case words only: "Closed-Won" and "closed won" read the same. */
const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

function fromSynonyms(text: string, table: Record<string, string[]>): string {
  const said = words(text).replace(/ /g, "_");
  // The API's own value first: "event" is an event even though meetings are often called events.
  if (said in table) return said;
  for (const [value, synonyms] of Object.entries(table)) {
    if (synonyms.includes(said.replace(/_/g, " "))) return value;
  }
  return said;
}

export const partnerKindOf = (text: string) => fromSynonyms(text, {
  reseller: ["var", "value added reseller", "solution provider", "partner reseller", "channel partner", "resale"],
  msp: ["managed service provider", "managed services", "mssp", "managed service"],
  si: ["system integrator", "systems integrator", "integrator", "consultancy", "consulting partner", "gsi"],
  isv: ["technology partner", "technology", "tech partner", "software vendor", "vendor", "integration partner", "app partner"],
  referral: ["referral partner", "affiliate", "agent", "referrer", "partner"],
  distributor: ["distribution", "disti", "wholesaler"],
});

export const partnerStatusOf = (text: string) => fromSynonyms(text, {
  prospect: ["lead", "subscriber", "marketing qualified lead", "sales qualified lead", "opportunity", "recruiting", "applicant", "pending"],
  onboarding: ["onboard", "enablement", "new", "signed"],
  active: ["customer", "partner", "evangelist", "live", "enabled", "current"],
  dormant: ["inactive", "paused", "on hold"],
  ended: ["former", "churned", "terminated", "cancelled", "canceled", "closed", "other"],
});

export const interactionKindOf = (text: string) => fromSynonyms(text, {
  email: ["e mail", "mail", "emails", "outbound email", "inbound email", "sent email"],
  call: ["phone", "phone call", "calls", "logged call", "video call"],
  meeting: ["event", "meetings", "in person", "visit"],
  event: ["webinar", "conference", "trade show"],
  note: ["notes", "task", "other", "comment", "log"],
});

export const directionOf = (text: string) => fromSynonyms(text, {
  inbound: ["in", "incoming", "received", "from partner"],
  outbound: ["out", "outgoing", "sent", "to partner"],
  both: ["two way", "mutual", "meeting"],
});

export const owedByOf = (text: string) => fromSynonyms(text, {
  us: ["we", "our", "ours", "internal", "our side", "vendor", "northwind"],
  partner: ["they", "them", "theirs", "partner side", "external"],
});

export const commitmentStatusOf = (text: string) => fromSynonyms(text, {
  open: ["not started", "in progress", "waiting on someone else", "waiting", "deferred", "pending", "to do", "todo", "new"],
  done: ["completed", "complete", "closed", "finished", "resolved"],
  cancelled: ["canceled", "cancelled", "abandoned", "dropped", "won t do"],
});

export const referralStageOf = (text: string) => fromSynonyms(text, {
  submitted: ["new", "pending", "open", "registered", "received", "lead"],
  accepted: ["approved", "qualified", "in progress", "prospecting", "qualification", "needs analysis", "proposal", "negotiation", "proposal price quote", "negotiation review", "value proposition", "id decision makers", "perception analysis", "working"],
  won: ["closed won", "closedwon", "won", "closed"],
  lost: ["closed lost", "closedlost", "lost"],
  rejected: ["declined", "denied", "duplicate", "disqualified"],
});

export const referralDirectionOf = (text: string) => fromSynonyms(text, {
  to_us: ["us", "inbound", "partner sourced", "from partner", "partner to us"],
  to_partner: ["partner", "outbound", "we referred", "to partner", "us to partner"],
});

/** The domains in a cell: "acme.com; https://www.acme.co.uk/" → both hosts; unreadable ones as written. */
export function domainsOf(text: string): string[] {
  return text.split(/[\s,;|]+/).filter(Boolean).map((part) => websiteHost(part) ?? part);
}

/** "45,000.00", "$45000", "€1.234,50", "(12.5)" → a number, or null when it is none. */
export function numberOf(text: string): number | null {
  let digits = text.replace(/[^0-9.,\-]/g, "");
  if (digits === "" || digits === "-") return null;
  const lastComma = digits.lastIndexOf(",");
  const lastDot = digits.lastIndexOf(".");
  // The later of "," and "." is the decimal mark when digits follow it in twos or ones (1.234,50).
  if (lastComma > lastDot && digits.length - lastComma - 1 <= 2) digits = digits.replace(/\./g, "").replace(",", ".");
  else digits = digits.replace(/,/g, "");
  const value = Number(digits);
  return Number.isFinite(value) ? value : null;
}

const currencySymbols: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };

/** The ISO code a figure is written in ("€1.234" → EUR, "1,200 GBP" → GBP), or null. */
export function currencyOf(text: string): string | null {
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  if (code) return code;
  for (const [symbol, iso] of Object.entries(currencySymbols)) if (text.includes(symbol)) return iso;
  return null;
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * A date or time in the forms exports use: ISO 8601 (with or without a zone;
 * none means UTC), "2026-02-12 14:05", and US "2/12/2026, 2:05 PM" (Salesforce
 * and HubSpot in an en-US locale). Day-first files say so with `dayFirst`.
 * Returns an ISO instant, or the text unchanged when it is none of these.
 */
export function instantOf(text: string, dayFirst = false): string {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(trimmed);
  if (iso) {
    const [, y, m, d, h = "0", min = "0", s = "0", fraction = ".000", zone] = iso;
    const offset = zone ? (zone.toUpperCase() === "Z" ? "Z" : zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "Z";
    const millis = fraction.padEnd(4, "0").slice(0, 4);
    return `${y}-${m}-${d}T${pad(Number(h))}:${pad(Number(min))}:${pad(Number(s))}${millis}${offset}`;
  }
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i.exec(trimmed);
  if (slashed) {
    const [, first, second, y, h = "0", min = "0", s = "0", half] = slashed;
    const [month, day] = dayFirst ? [second!, first!] : [first!, second!];
    let hours = Number(h) % (half ? 12 : 24);
    if (half?.toUpperCase() === "PM") hours += 12;
    return `${y}-${pad(Number(month))}-${pad(Number(day))}T${pad(hours)}:${pad(Number(min))}:${pad(Number(s))}.000Z`;
  }
  return trimmed;
}

/** The calendar day of a date or time ("2026-03-01"), or the text unchanged. */
export function dateOf(text: string, dayFirst = false): string {
  const instant = instantOf(text, dayFirst);
  return /^\d{4}-\d{2}-\d{2}T/.test(instant) ? instant.slice(0, 10) : instant;
}

/** Text that looks like an email address, lower-cased; owners are often exported as names, which say nothing here. */
export function emailOf(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : null;
}
