import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultHealthSettings } from "../../../shared/health/formula.ts";
import type { PartnershipHistory } from "../../../shared/health/history.ts";
import { scorePartnership } from "../../../shared/health/score-partnership.ts";
import { assessCollaboration } from "../../../shared/health/collaboration.ts";
import { assessSuccess } from "../../../shared/health/success.ts";
import { assessTrust } from "../../../shared/health/trust.ts";
import { traitNames } from "../../../shared/schemas/health.ts";

const now = new Date("2026-11-23T12:00:00Z");
const day = 86_400_000;
const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day).toISOString();
const dateOf = (daysAgo: number) => at(daysAgo).slice(0, 10);
const age = fc.integer({ min: 0, max: 900 });

const interactionArb = fc.record({
  kind: fc.constantFrom("email", "meeting", "call", "event", "note"),
  direction: fc.constantFrom("inbound", "outbound", "both"),
  occurred_at: age.map(at),
}) as fc.Arbitrary<PartnershipHistory["interactions"][number]>;

const commitmentArb = fc
  .record({
    owed_by: fc.constantFrom("us", "partner"),
    status: fc.constantFrom("open", "done", "cancelled"),
    dueAgo: fc.option(fc.integer({ min: -60, max: 900 }), { nil: null }),
    completedAgo: age,
    createdAgo: age,
  })
  .map(({ owed_by, status, dueAgo, completedAgo, createdAgo }) => ({
    owed_by, status, due_on: dueAgo === null ? null : dateOf(dueAgo),
    completed_at: status === "done" ? at(completedAgo) : null, created_at: at(createdAgo),
  })) as fc.Arbitrary<PartnershipHistory["commitments"][number]>;

const referralArb = fc
  .record({
    direction: fc.constantFrom("to_us", "to_partner"),
    submittedAgo: age,
    path: fc.array(fc.record({ stage: fc.constantFrom("accepted", "won", "lost", "rejected"), after: fc.integer({ min: 0, max: 60 }) }), { maxLength: 3 }),
    amount: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  })
  .map(({ direction, submittedAgo, path, amount }) => {
    let elapsed = 0;
    const history = [{ stage: "submitted" as const, at: at(submittedAgo) }, ...path.map((step) => {
      elapsed += step.after;
      return { stage: step.stage, at: at(Math.max(0, submittedAgo - elapsed)) };
    })];
    return {
      direction, stage: history[history.length - 1]!.stage, submitted_at: at(submittedAgo), stage_history: history,
      amount_minor: amount, currency: amount === null ? null : "EUR",
    };
  }) as fc.Arbitrary<PartnershipHistory["referrals"][number]>;

const goalArb = fc.record({
  title: fc.string({ maxLength: 20 }),
  target: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
  current: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
  due_on: fc.option(fc.integer({ min: -400, max: 900 }).map(dateOf), { nil: null }),
  last_reviewed_at: fc.option(age.map(at), { nil: null }),
  created_at: age.map(at),
});

const historyArb: fc.Arbitrary<PartnershipHistory> = fc.record({
  partner: fc.record({
    name: fc.string({ minLength: 1, maxLength: 30 }),
    status: fc.constantFrom("prospect", "onboarding", "active", "dormant", "ended"),
    cadence_days: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
    created_at: age.map(at),
  }),
  interactions: fc.array(interactionArb, { maxLength: 30 }),
  commitments: fc.array(commitmentArb, { maxLength: 20 }),
  referrals: fc.array(referralArb, { maxLength: 12 }),
  goals: fc.array(goalArb, { maxLength: 4 }),
  meetings: fc.array(fc.record({ occurred_at: age.map(at), notes: fc.string({ maxLength: 10 }), decisions: fc.array(fc.string(), { maxLength: 2 }) }), { maxLength: 5 }),
}) as fc.Arbitrary<PartnershipHistory>;

const inRange = (value: number | null, low: number, high: number) => value === null || (Number.isFinite(value) && value >= low && value <= high);

describe("health score properties", () => {
  it("stays in range and is never NaN, for any history including an empty one", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const health = scorePartnership(history, now);
        expect(inRange(health.score, 0, 100)).toBe(true);
        expect(inRange(health.confidence, 0, 1)).toBe(true);
        expect(health.score === null).toBe(health.band === "insufficient_data");
        for (const trait of traitNames) {
          expect(inRange(health.traits[trait].score, 0, 100)).toBe(true);
          expect(inRange(health.traits[trait].confidence, 0, 1)).toBe(true);
        }
        expect(health.next_actions.length).toBeLessThanOrEqual(3);
        expect(JSON.stringify(health)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 400 },
    );
  });

  it("gives an empty history no score", () => {
    const health = scorePartnership({ partner: { name: "Empty", status: "active", cadence_days: null, created_at: at(500) }, interactions: [], commitments: [], referrals: [], goals: [], meetings: [] }, now);
    expect(health.band).toBe("insufficient_data");
  });

  it("never lowers trust when a promise is kept", () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), fc.integer({ min: 0, max: 10 }), (history, pick, early) => {
        const open = history.commitments.filter((c) => c.status === "open" && c.due_on !== null);
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!;
        const completedAt = new Date(Math.min(Date.parse(`${target.due_on}T12:00:00Z`) - early * day, now.getTime())).toISOString();
        const kept = { ...history, commitments: history.commitments.map((c) => (c === target ? { ...c, status: "done" as const, completed_at: completedAt } : c)) };
        const before = assessTrust(history, now).score;
        const after = assessTrust(kept, now).score;
        if (before !== null) expect(after!).toBeGreaterThanOrEqual(before - 1e-9);
      }),
      { numRuns: 400 },
    );
  });

  it("never raises trust with a further overdue promise", () => {
    fc.assert(
      fc.property(historyArb, fc.constantFrom("us", "partner"), fc.integer({ min: 1, max: 400 }), (history, owedBy, dueAgo) => {
        const before = assessTrust(history, now).score;
        const worse = { ...history, commitments: [...history.commitments, { owed_by: owedBy, status: "open" as const, due_on: dateOf(dueAgo), completed_at: null, created_at: at(dueAgo + 10) }] };
        const after = assessTrust(worse, now).score!;
        if (before !== null) expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
      { numRuns: 400 },
    );
  });

  it("moves less for an old event than for the same event today", () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 30, max: 800 }), fc.constantFrom("us", "partner"), (history, oldAge, owedBy) => {
        const keptPromise = (ago: number) => ({ owed_by: owedBy, status: "done" as const, due_on: dateOf(ago), completed_at: at(ago), created_at: at(ago + 5) });
        const base = assessTrust(history, now).score;
        fc.pre(base !== null);
        const today = assessTrust({ ...history, commitments: [...history.commitments, keptPromise(0)] }, now).score!;
        const old = assessTrust({ ...history, commitments: [...history.commitments, keptPromise(oldAge)] }, now).score!;
        expect(Math.abs(old - base!)).toBeLessThanOrEqual(Math.abs(today - base!) + 1e-9);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 30, max: 800 }), fc.constantFrom("to_us", "to_partner"), fc.constantFrom("won", "lost"), (history, oldAge, direction, outcome) => {
        const closed = (ago: number) => ({ direction, stage: outcome, submitted_at: at(ago + 20), stage_history: [{ stage: "submitted" as const, at: at(ago + 20) }, { stage: outcome, at: at(ago) }], amount_minor: 100, currency: "EUR" });
        const base = assessSuccess(history, now).score;
        fc.pre(base !== null);
        const today = assessSuccess({ ...history, referrals: [...history.referrals, closed(0)] }, now).score!;
        const old = assessSuccess({ ...history, referrals: [...history.referrals, closed(oldAge)] }, now).score!;
        expect(Math.abs(old - base!)).toBeLessThanOrEqual(Math.abs(today - base!) + 1e-9);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 30, max: 800 }), interactionArb, (history, oldAge, interaction) => {
        const cadence = history.partner.cadence_days ?? defaultHealthSettings.default_cadence_days;
        const base = assessCollaboration(history, now, cadence).score;
        fc.pre(base !== null);
        const today = assessCollaboration({ ...history, interactions: [...history.interactions, { ...interaction, occurred_at: at(0) }] }, now, cadence).score!;
        const old = assessCollaboration({ ...history, interactions: [...history.interactions, { ...interaction, occurred_at: at(oldAge) }] }, now, cadence).score!;
        expect(Math.abs(old - base!)).toBeLessThanOrEqual(Math.abs(today - base!) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("gains confidence with more evidence", () => {
    fc.assert(
      fc.property(historyArb, fc.oneof(
        interactionArb.map((interaction): Partial<PartnershipHistory> => ({ interactions: [interaction] })),
        commitmentArb.map((commitment): Partial<PartnershipHistory> => ({ commitments: [commitment] })),
        referralArb.map((referral): Partial<PartnershipHistory> => ({ referrals: [referral] })),
      ), (history, extra) => {
        const more = {
          ...history,
          interactions: [...history.interactions, ...(extra.interactions ?? [])],
          commitments: [...history.commitments, ...(extra.commitments ?? [])],
          referrals: [...history.referrals, ...(extra.referrals ?? [])],
        };
        expect(scorePartnership(more, now).confidence).toBeGreaterThanOrEqual(scorePartnership(history, now).confidence);
      }),
      { numRuns: 400 },
    );
  });
});
