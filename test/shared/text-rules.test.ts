import { describe, expect, it } from "vitest";
import { maxAmountMinor } from "../../shared/schemas/common.ts";
import { contactCreate } from "../../shared/schemas/contact.ts";
import { goalCreate } from "../../shared/schemas/goal.ts";
import { interactionCreate } from "../../shared/schemas/interaction.ts";
import { partnerCreate } from "../../shared/schemas/partner.ts";
import { referralCreate } from "../../shared/schemas/referral.ts";
import { lineText, multiLineText, textFault } from "../../shared/schemas/text.ts";

const line = lineText(1, 200);
const notes = multiLineText(5_000);

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join("."));
}

describe("one rule for typed text", () => {
  it.each([
    ["NUL", "Acme\u0000Corp"],
    ["escape", "Acme\u001b[31m"],
    ["DEL", "Acme\u007f"],
    ["C1 control", "Acme\u0085"],
    ["newline in a name", "Acme\nCorp"],
    ["tab in a name", "Acme\tCorp"],
    ["right-to-left override", "Invoice \u202eexe.pdf"],
    ["left-to-right embedding", "\u202aAcme"],
    ["first-strong isolate", "Acme\u2068 Partners\u2069"],
    ["only zero-width characters", "\u200b\u200c\u200d\u2060\ufeff"],
    ["zero-width and spaces", " \u200b \u00ad "],
    ["Hangul filler", "\u3164"],
    ["unpaired surrogate", "Acme \ud83d"],
  ])("refuses %s in a one-line field", (_, value) => {
    expect(line.safeParse(value).success).toBe(false);
  });

  it.each([
    ["Polish", "Zakłady Łódź Śląsk"],
    ["Czech", "Škoda Partners"],
    ["Chinese", "阿里巴巴云合作伙伴"],
    ["Arabic with a right-to-left mark", "شركاء أكمي\u200f"],
    ["emoji with zero-width joiners", "Team 👩‍💻👨‍👩‍👧"],
    ["a word joined by a zero-width joiner", "a\u200db"],
  ])("keeps %s", (_, value) => {
    expect(line.parse(value)).toBe(value.trim());
  });

  it("lets notes span lines and hold tabs, but not other controls", () => {
    expect(notes.parse("First line\n\tindented\nthird")).toBe("First line\n\tindented\nthird");
    expect(notes.safeParse("line\r\nnext").success).toBe(false);
    expect(notes.safeParse("bell\u0007").success).toBe(false);
    expect(notes.safeParse("\u202e").success).toBe(false);
    // Empty notes are allowed; only names must show something.
    expect(notes.parse("")).toBe("");
  });

  it("says what is wrong in words", () => {
    expect(textFault("a\u0000b", { multiLine: false, visible: true })).toMatch(/control character \(U\+0000\)/);
    expect(textFault("\u202e", { multiLine: true, visible: false })).toMatch(/bidirectional override .*U\+202E/);
    expect(textFault("\u200b", { multiLine: false, visible: true })).toBe("has no visible characters");
    expect(textFault("Acme", { multiLine: false, visible: true })).toBeNull();
  });

  it("is applied to the string fields of the payloads, naming the field", () => {
    expect(issuePaths(partnerCreate.safeParse({ name: "\u200b", kind: "si", status: "active" }))).toContain("name");
    expect(issuePaths(partnerCreate.safeParse({ name: "Acme", kind: "si", status: "active", business_model: "x\u0000" })))
      .toContain("business_model");
    expect(issuePaths(partnerCreate.safeParse({ name: "Acme", kind: "si", status: "active", tier: "Gold\u202e" }))).toContain("tier");
    expect(issuePaths(contactCreate.safeParse({ email: "a@acme.co.uk", name: "Priya\u0000" }))).toContain("name");
    expect(issuePaths(interactionCreate.safeParse({
      kind: "note", direction: "outbound", occurred_at: "2026-01-01T00:00:00Z", summary: "ok\u001b",
    }))).toContain("summary");
  });
});

describe("amounts are bounded so totals stay exact", () => {
  const referral = { direction: "to_us", account_name: "Globex", currency: "GBP" };

  it("accepts up to 10^13 minor units and refuses more", () => {
    expect(referralCreate.safeParse({ ...referral, amount_minor: maxAmountMinor }).success).toBe(true);
    expect(issuePaths(referralCreate.safeParse({ ...referral, amount_minor: maxAmountMinor + 1 }))).toContain("amount_minor");
    expect(issuePaths(referralCreate.safeParse({ ...referral, amount_minor: Number.MAX_SAFE_INTEGER }))).toContain("amount_minor");
  });

  it("keeps a million maximal amounts exactly summable", () => {
    expect(Number.isSafeInteger(maxAmountMinor * 900)).toBe(true);
  });

  it("bounds goal figures too", () => {
    const goal = { title: "Deals" };
    expect(issuePaths(goalCreate.safeParse({ ...goal, target: 1e300 }))).toContain("target");
    expect(issuePaths(goalCreate.safeParse({ ...goal, current: -1e14 }))).toContain("current");
    expect(goalCreate.safeParse({ ...goal, target: 10, current: 3 }).success).toBe(true);
  });
});
