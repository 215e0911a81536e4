import type { PartnershipHistory } from "../../../shared/health/history.ts";

export const now = new Date("2026-11-23T12:00:00Z");
const day = 86_400_000;
export const daysAgo = (days: number) => new Date(now.getTime() - days * day).toISOString();
export const dateDaysAgo = (days: number) => daysAgo(days).slice(0, 10);

type Commitment = PartnershipHistory["commitments"][number];
type Referral = PartnershipHistory["referrals"][number];

export const kept = (owedBy: "us" | "partner", dueDaysAgo: number, daysEarly = 1): Commitment => ({
  owed_by: owedBy, status: "done", due_on: dateDaysAgo(dueDaysAgo), completed_at: daysAgo(dueDaysAgo + daysEarly), created_at: daysAgo(dueDaysAgo + 14),
});
export const late = (owedBy: "us" | "partner", dueDaysAgo: number, daysLate: number): Commitment => ({
  owed_by: owedBy, status: "done", due_on: dateDaysAgo(dueDaysAgo), completed_at: daysAgo(dueDaysAgo - daysLate), created_at: daysAgo(dueDaysAgo + 14),
});
export const overdue = (owedBy: "us" | "partner", dueDaysAgo: number): Commitment => ({
  owed_by: owedBy, status: "open", due_on: dateDaysAgo(dueDaysAgo), completed_at: null, created_at: daysAgo(dueDaysAgo + 14),
});
export const upcoming = (owedBy: "us" | "partner", dueInDays: number): Commitment => ({
  owed_by: owedBy, status: "open", due_on: dateDaysAgo(-dueInDays), completed_at: null, created_at: daysAgo(3),
});

export const referral = (direction: "to_us" | "to_partner", submittedDaysAgo: number, path: [string, number][], amount = 2_000_000): Referral => {
  const history = [{ stage: "submitted" as const, at: daysAgo(submittedDaysAgo) }, ...path.map(([stage, after]) => ({ stage: stage as Referral["stage"], at: daysAgo(submittedDaysAgo - after) }))];
  return { direction, stage: history[history.length - 1]!.stage, submitted_at: daysAgo(submittedDaysAgo), stage_history: history, amount_minor: amount, currency: "USD" };
};

const contactEvery = (everyDays: number, fromDaysAgo: number, untilDaysAgo: number) => {
  const interactions: PartnershipHistory["interactions"] = [];
  for (let age = fromDaysAgo, index = 0; age >= untilDaysAgo; age -= everyDays, index++) {
    interactions.push({ kind: index % 3 === 0 ? "meeting" : "email", direction: index % 2 === 0 ? "inbound" : "outbound", occurred_at: daysAgo(age) });
  }
  return interactions;
};

/** Both sides deliver, refer and meet; goals on pace and reviewed last month. */
export const thriving: PartnershipHistory = {
  partner: { name: "Acme Cloud", status: "active", cadence_days: 14, created_at: daysAgo(400) },
  interactions: contactEvery(7, 270, 3),
  commitments: [kept("us", 10), kept("partner", 15), kept("us", 30), kept("partner", 40), kept("us", 60), kept("partner", 75), late("us", 120, 2), upcoming("partner", 6)],
  referrals: [
    referral("to_us", 150, [["accepted", 1], ["won", 40]]), referral("to_us", 100, [["accepted", 2], ["won", 30]]),
    referral("to_us", 60, [["accepted", 1], ["lost", 25]]), referral("to_partner", 120, [["accepted", 2], ["won", 35]]),
    referral("to_partner", 70, [["accepted", 1], ["won", 20]]), referral("to_us", 10, [["accepted", 1]]),
  ],
  goals: [{ title: "Co-sell pipeline $1M", target: 1_000_000, current: 700_000, due_on: dateDaysAgo(-100), last_reviewed_at: daysAgo(25), created_at: daysAgo(265) }],
  meetings: [{ occurred_at: daysAgo(20), notes: "Reviewed pipeline, agreed webinar", decisions: ["Joint webinar in December"] }],
};

/** Was healthy last year; nobody has spoken for five months. */
export const dormant: PartnershipHistory = {
  partner: { name: "Globex Systems", status: "active", cadence_days: 30, created_at: daysAgo(700) },
  interactions: contactEvery(20, 600, 150),
  commitments: [kept("us", 200), kept("partner", 220), kept("us", 260), kept("partner", 300)],
  referrals: [referral("to_us", 400, [["accepted", 2], ["won", 30]]), referral("to_partner", 350, [["accepted", 3], ["won", 40]])],
  goals: [{ title: "Certify 4 engineers", target: 4, current: 3, due_on: dateDaysAgo(-100), last_reviewed_at: daysAgo(160), created_at: daysAgo(400) }],
  meetings: [{ occurred_at: daysAgo(200), notes: "Annual plan", decisions: [] }],
};

/** They send referrals and keep their word; we answer late and miss promises. */
export const oneSided: PartnershipHistory = {
  partner: { name: "Initech Partners", status: "active", cadence_days: 14, created_at: daysAgo(300) },
  interactions: contactEvery(10, 200, 12).map((interaction) => ({ ...interaction, direction: "inbound" as const })),
  commitments: [overdue("us", 20), overdue("us", 45), late("us", 70, 12), late("us", 100, 20), kept("partner", 30), kept("partner", 50), kept("partner", 80), kept("partner", 110)],
  referrals: [
    referral("to_us", 90, [["accepted", 25], ["lost", 60]]), referral("to_us", 60, [["rejected", 20]]),
    referral("to_us", 40, []), referral("to_us", 25, []), referral("to_us", 15, []),
  ],
  goals: [],
  meetings: [],
};

/** Signed up last week; one intro call. */
export const brandNew: PartnershipHistory = {
  partner: { name: "Hooli Labs", status: "onboarding", cadence_days: 14, created_at: daysAgo(8) },
  interactions: [{ kind: "call", direction: "outbound", occurred_at: daysAgo(5) }],
  commitments: [upcoming("us", 5)],
  referrals: [],
  goals: [],
  meetings: [],
};
