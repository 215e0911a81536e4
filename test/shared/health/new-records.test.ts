import { describe, expect, it } from "vitest";
import type { PartnershipHistory } from "../../../shared/health/history.ts";
import { scorePartnership } from "../../../shared/health/score-partnership.ts";
import { daysAgo, now, oneSided, thriving, upcoming } from "./scenarios.ts";

const texts = (signals: { text: string; effect: string }[]) => signals.map((signal) => `${signal.text} (${signal.effect})`);
const traitScores = (history: PartnershipHistory) => {
  const health = scorePartnership(history, now);
  return { score: health.score, ...Object.fromEntries(Object.entries(health.traits).map(([name, trait]) => [name, trait.score])) };
};
/** A promise logged a moment ago, due in two weeks. */
const justMade = (owedBy: "us" | "partner") => ({ ...upcoming(owedBy, 14), created_at: now.toISOString() });

describe("a promise just made, not yet due", () => {
  it.each([["thriving", thriving], ["one-sided", oneSided]] as const)("moves no trait of the %s partnership, whoever owes it", (_, history) => {
    const before = traitScores(history);
    for (const owedBy of ["us", "partner"] as const) {
      expect(traitScores({ ...history, commitments: [...history.commitments, justMade(owedBy)] })).toEqual(before);
    }
  });

  it("counts toward give and take once it is kept", () => {
    const history: PartnershipHistory = { ...thriving, commitments: thriving.commitments.filter((c) => c.owed_by === "partner") };
    const keptNow = { ...justMade("us"), status: "done" as const, completed_at: now.toISOString() };
    const respect = (commitments: PartnershipHistory["commitments"]) => scorePartnership({ ...history, commitments }, now).traits.respect.score!;
    expect(respect([...history.commitments, keptNow])).toBeGreaterThan(respect(history.commitments));
  });
});

describe("contact this quarter says what it counted", () => {
  const quiet: PartnershipHistory = {
    ...thriving, partner: { ...thriving.partner, name: "Thriving Systems" },
    interactions: [{ kind: "email", direction: "inbound", occurred_at: daysAgo(10) }],
  };

  it("one inbound email is not called contact both ways, and not judged as a failure of it", () => {
    const signals = texts(scorePartnership(quiet, now).traits.collaboration.signals);
    expect(signals.filter((text) => text.startsWith("Contact both ways"))).toEqual([]);
    expect(signals).toContain("Only 1 contact this quarter, from Thriving Systems: too little to judge whether it flows both ways (neutral)");
  });

  it("contact from both sides names each side's count", () => {
    const both: PartnershipHistory = { ...quiet, interactions: [...quiet.interactions, { kind: "email", direction: "outbound", occurred_at: daysAgo(9) }] };
    const signals = texts(scorePartnership(both, now).traits.collaboration.signals);
    expect(signals.some((text) => text.startsWith("Contact both ways this quarter: 1 from Thriving Systems, 1 from you"))).toBe(true);
  });

  it("writes the possessive of a name ending in s without another s", () => {
    const history: PartnershipHistory = {
      ...oneSided, partner: { ...oneSided.partner, name: "Thriving Systems" },
    };
    const all = Object.values(scorePartnership(history, now).traits).flatMap((trait) => trait.signals.map((signal) => signal.text));
    expect(all.some((text) => text.includes("Thriving Systems' "))).toBe(true);
    expect(all.filter((text) => text.includes("Systems's"))).toEqual([]);
  });
});
