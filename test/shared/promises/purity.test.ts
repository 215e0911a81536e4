/**
 * The detector will run in the extension, off the main thread, as well as in
 * tests: it must read no clock, DOM or Node API, and pull in chrono-node's
 * English parsers only (the other locales would grow the bundle).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const folder = new URL("../../../shared/promises/", import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith(".ts"));
const forbidden: [RegExp, string][] = [
  [/\bdocument\b|\bwindow\b|\bnavigator\b|\blocalStorage\b/, "reads the DOM"],
  [/\bprocess\.|\bBuffer\b|\brequire\(/, "reads a Node API"],
  [/Date\.now\(|new Date\(\)/, "reads the clock"],
];

describe("shared/promises stays pure", () => {
  it("has its files", () => expect(files).toContain("detect.ts"));

  for (const file of files) {
    it(`${file} imports only its siblings and chrono-node/en, and reads no DOM, Node API or clock`, () => {
      const source = readFileSync(new URL(file, folder), "utf8");
      const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]);
      for (const target of imports) expect(target, file).toMatch(/^(?:\.\/[\w-]+\.ts|chrono-node\/en)$/);
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // comments may name what the code avoids
      for (const [pattern, what] of forbidden) expect(pattern.test(code), `${file} ${what}`).toBe(false);
    });
  }
});
