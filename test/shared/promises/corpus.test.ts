import { describe, expect, it } from "vitest";
import { corpus, type CaseKind } from "./corpus.ts";
import { heldOut } from "./held-out.ts";
import { measure } from "./measure.ts";

const everything = [...corpus, ...heldOut];

describe("the promise corpus", () => {
  it("has at least 200 sentences with every kind of near miss and promises owed both ways", () => {
    expect(everything.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(everything.map((item) => item.kind));
    const wanted: CaseKind[] = ["promise", "question", "conditional", "past", "quoted", "signature", "disclaimer", "request"];
    for (const kind of wanted) expect(kinds, kind).toContain(kind);
    const sides = new Set(everything.filter((item) => item.expected.is_promise).map((item) => item.expected.owed_by));
    expect([...sides].sort()).toEqual(["partner", "us"]);
    expect(new Set(everything.map((item) => item.authorSide)).size).toBe(2);
  });

  it("labels a due date only on promises, as YYYY-MM-DD", () => {
    for (const item of everything) {
      if (!item.expected.is_promise) expect(item.expected.due_on, item.text).toBeNull();
      if (item.expected.due_on) expect(item.expected.due_on, item.text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("the detector on the corpus", () => {
  // The bar from the issue: a wrong suggestion costs trust, so precision is set highest.
  for (const [name, items] of [["corpus", corpus], ["held-out set", heldOut], ["whole set", everything]] as const) {
    it(`keeps precision ≥ 0.9, recall ≥ 0.7 and due dates right ≥ 0.9 on the ${name}`, () => {
      const figures = measure(items);
      const report = figures.misses.map((miss) => `${miss.problem}: ${miss.text}`).join("\n");
      expect(figures.precision, report).toBeGreaterThanOrEqual(0.9);
      expect(figures.recall, report).toBeGreaterThanOrEqual(0.7);
      expect(figures.dueDateRight, report).toBeGreaterThanOrEqual(0.9);
      expect(figures.sideRight, report).toBeGreaterThanOrEqual(0.9);
    });
  }
});
