import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Pulse } from "../../shared/schemas/pulse.ts";
import { PulseSection } from "../../extension/sidebar/PulseSection.tsx";
import { WeekChange } from "../../extension/sidebar/WeekChange.tsx";
import { weekChanges } from "../../extension/sidebar/pulse-client.ts";
import { lookupState, noPeople } from "../../extension/sidebar/store.ts";

// The quarterly pulse on a partner's card: the other side's ratings only
// once both have answered, a keyboard-usable form, and the week's move with its cause.

let host: HTMLElement;
let pulseReply: Pulse;
let writes: unknown[];
const answeredAt = new Date().toISOString();
const ratings = (value: number) => ({ trust: value, respect: value, collaboration: value, success: value, goals: value });
const comparison = (ours: number, theirs: number | null) => ({ ours, theirs, gap: theirs === null ? null : ours - theirs, behavioural: 72 });
const ourAnswer = { side: "ours" as const, workspace_name: "Northwind", answered_by: "dana@northwind.com", answered_at: answeredAt, ratings: ratings(4), comment: "mine", comment_shared: false, stale: false };

function pulseOf(theirs: "answered_hidden" | "shown" | "none"): Pulse {
  const base = { partner_id: "ptr_bright000000000000000000", current_round: "2026-Q4", round_ends_on: "2026-12-31", cannot_answer_because: null, stale_note: null };
  if (theirs === "none") return { ...base, can_answer: true, rounds: [{ round: "2026-Q4", ours: null, theirs: null, their_state: "answered_hidden" }], latest: null };
  const shown = theirs === "shown";
  return {
    ...base,
    can_answer: !shown,
    cannot_answer_because: shown ? "Brightpath has answered this round too, so your answer is final until next quarter" : null,
    rounds: [{
      round: "2026-Q4", ours: ourAnswer, their_state: theirs,
      theirs: shown ? { ...ourAnswer, side: "theirs", workspace_name: "Brightpath", ratings: ratings(2), comment: "Slow to answer our referrals", comment_shared: true } : null,
    }],
    latest: { round: "2026-Q4", traits: { trust: comparison(4, shown ? 2 : null), respect: comparison(4, shown ? 2 : null), collaboration: comparison(4, shown ? 2 : null), success: comparison(4, shown ? 2 : null), goals: comparison(4, shown ? 2 : null) } },
  };
}

async function settle() {
  await act(async () => new Promise((resolve) => setTimeout(resolve, 30)));
}

beforeEach(() => {
  fakeBrowser.reset();
  writes = [];
  weekChanges.value = {};
  vi.spyOn(browser.runtime, "sendMessage").mockImplementation((async (message: { type: string; path?: string; write?: unknown }) => {
    if (message.type === "api" && message.path === "/v1/partners/ptr_bright000000000000000000/pulse") return { ok: true, data: pulseReply };
    if (message.type === "api" && message.path === "/v1/partners/ptr_bright000000000000000000/health/changes") {
      return { ok: true, data: {
        partner_id: "ptr_bright000000000000000000", since: "2026-11-24", before: 71, after: 64, change: -7,
        traits: Object.fromEntries(["trust", "respect", "collaboration", "success", "goals"].map((trait) => [trait, { before: 70, after: 70, change: 0, appeared: [], went: [] }])),
        causes: [{ text: "2 promises to Brightpath became overdue", effect: "negative", trait: "trust" }],
        headline: "↓ 7: 2 promises to Brightpath became overdue",
      } };
    }
    if (message.type === "write") {
      writes.push(message.write);
      pulseReply = pulseOf("shown");
      return { ok: true, data: { result: "synced", response: pulseReply, error: null, id: "w1" } };
    }
    if (message.type === "outbox") return { ok: true, data: { writes: [], signInNeeded: false, held: [] } };
    return { ok: false, error: { code: "x", message: "not in this test" } };
  }) as never);
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

describe("the quarterly pulse on the card", () => {
  it("keeps the partner's ratings out until we answer, and says they are waiting", async () => {
    pulseReply = pulseOf("none");
    await act(async () => render(<PulseSection partnerId="ptr_bright000000000000000000" partnerName="Brightpath" />, host));
    await settle();
    expect(host.querySelector("table")).toBeNull();
    expect(host.textContent).toContain("Brightpath has answered 2026-Q4: answer too to see their ratings.");
    expect(host.querySelector("button")!.textContent).toBe("Answer the 2026-Q4 pulse");
  });

  it("answers with a keyboard-usable form, then shows both sides, the gap, the score and their shared comment", async () => {
    pulseReply = pulseOf("none");
    await act(async () => render(<PulseSection partnerId="ptr_bright000000000000000000" partnerName="Brightpath" />, host));
    await settle();
    await act(async () => host.querySelector("button")!.click());
    const groups = [...host.querySelectorAll("fieldset")];
    expect(groups.map((group) => group.querySelector("legend")!.textContent)).toEqual(["Trust", "Respect", "Collaboration", "Success", "Goals"]);
    for (const group of groups) {
      const radios = [...group.querySelectorAll<HTMLInputElement>("input[type=radio]")];
      expect(radios).toHaveLength(5);
      expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
      await act(async () => radios[3]!.click());
    }
    const comment = host.querySelector<HTMLTextAreaElement>("textarea")!;
    await act(async () => {
      comment.value = "Good quarter";
      comment.dispatchEvent(new Event("input"));
    });
    await act(async () => host.querySelector<HTMLInputElement>(".share-toggle input")!.click());
    await act(async () => {
      host.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    });
    await settle();
    expect(writes).toEqual([{ action: "answerPulse", partnerId: "ptr_bright000000000000000000", body: { ratings: ratings(4), comment: "Good quarter", comment_shared: true } }]);
    const rows = [...host.querySelectorAll("tbody tr")].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows[0]).toEqual(["Trust", "4", "2", "+2", "72"]);
    expect(host.textContent).toContain("Brightpath: “Slow to answer our referrals”");
    expect(host.textContent).toContain("your answer is final until next quarter.");
  });
});

describe("the week's move under the score", () => {
  it("says the move and its cause once the lookup is in", async () => {
    lookupState.value = { status: "ready", data: { matches: [] }, fromCache: false, fetchedAt: answeredAt, error: null, people: noPeople };
    await act(async () => render(<dl><WeekChange partnerId="ptr_bright000000000000000000" /></dl>, host));
    await settle();
    expect(host.querySelector(".week-change dt")!.textContent).toBe("This week");
    expect(host.querySelector(".week-change dd")!.textContent).toBe("↓ 7: 2 promises to Brightpath became overdue");
  });
});
