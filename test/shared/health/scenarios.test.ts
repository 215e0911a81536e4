import { describe, expect, it } from "vitest";
import { health as healthSchema } from "../../../shared/schemas/health.ts";
import { scorePartnership } from "../../../shared/health/score-partnership.ts";
import { brandNew, dormant, now, oneSided, thriving } from "./scenarios.ts";

const texts = (signals: { text: string; effect: string }[]) => signals.map((signal) => `${signal.text} (${signal.effect})`);

describe("health score on realistic partnerships", () => {
  const scores = {
    thriving: scorePartnership(thriving, now),
    dormant: scorePartnership(dormant, now),
    oneSided: scorePartnership(oneSided, now),
    brandNew: scorePartnership(brandNew, now),
  };

  it("produces the documented shape for each", () => {
    for (const health of Object.values(scores)) expect(() => healthSchema.parse(health)).not.toThrow();
  });

  it("ranks them as a channel manager would: thriving, then dormant, then one-sided", () => {
    expect(scores.thriving.band).toBe("healthy");
    expect(scores.dormant.band).toBe("watch");
    expect(scores.oneSided.band).toBe("at_risk");
    expect(scores.thriving.score!).toBeGreaterThan(scores.dormant.score!);
    expect(scores.dormant.score!).toBeGreaterThan(scores.oneSided.score!);
  });

  it("withholds a number for a partnership with almost no history", () => {
    expect(scores.brandNew.band).toBe("insufficient_data");
    expect(scores.brandNew.score).toBeNull();
    expect(scores.brandNew.confidence).toBeLessThan(0.3);
  });

  it("is confident where there is plenty of history", () => {
    expect(scores.thriving.confidence).toBeGreaterThan(0.6);
    expect(scores.oneSided.confidence).toBeGreaterThan(0.45);
  });

  it("explains the dormant partnership by its silence and asks to get in touch", () => {
    const collaboration = texts(scores.dormant.traits.collaboration.signals);
    expect(collaboration).toContain("Last contact 160 days ago; your cadence is 30 days (negative)");
    expect(scores.dormant.next_actions.map((action) => action.text)).toContain("Get in touch with Globex Systems: last contact 160 days ago");
    expect(scores.dormant.traits.collaboration.score!).toBeLessThan(30);
  });

  it("explains the one-sided partnership by our missed promises and their waiting referrals", () => {
    const trust = texts(scores.oneSided.traits.trust.signals);
    expect(trust).toContain("You kept 0 of 3 promises to Initech Partners on time in the last 90 days (negative)");
    expect(trust).toContain("Initech Partners kept 3 of 3 promises to you on time in the last 90 days (positive)");
    expect(trust.some((text) => text.startsWith("2 promises you owe Initech Partners are overdue"))).toBe(true);
    expect(texts(scores.oneSided.traits.respect.signals)).toContain("3 referrals from Initech Partners have waited over 7 days for your answer (negative)");
    expect(texts(scores.oneSided.traits.collaboration.signals).some((text) => text.includes("waited") && text.includes("for your answer") && text.endsWith("(negative)"))).toBe(true);
    const actions = scores.oneSided.next_actions.map((action) => action.text);
    expect(actions).toContain("Close the 2 overdue promises to Initech Partners");
    expect(actions).toContain("Answer the 3 referrals Initech Partners is waiting on");
    expect(scores.oneSided.next_actions.length).toBeLessThanOrEqual(3);
  });

  it("praises what the thriving partnership does well", () => {
    expect(texts(scores.thriving.traits.trust.signals)).toContain("You kept 3 of 3 promises to Acme Cloud on time in the last 90 days (positive)");
    expect(scores.thriving.traits.success.signals[0]!.text).toMatch(/^Referrals from Acme Cloud: 2 of 3 closed won, worth \$40,000$/);
    expect(scores.thriving.traits.goals.score!).toBeGreaterThan(80);
  });
});
