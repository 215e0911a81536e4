/**
 * npm runs package.json scripts with cmd.exe on Windows: no `VAR=value cmd`,
 * no POSIX-only commands or quoting. Anything more than `a && b` belongs in
 * a Node script under scripts/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const { scripts } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };

/** What cmd.exe does not understand, each with the reason shown when a script uses it. */
const posixOnly: [RegExp, string][] = [
  [/(?:^|&&|\|\||;)\s*[A-Za-z_][A-Za-z0-9_]*=\S*\s/, "sets a variable before a command"],
  [/(?:^|&&|\|\||;)\s*(?:rm|cp|mv|mkdir -p|export|cat|grep|sed|test)\s/, "runs a POSIX-only command"],
  [/'/, "quotes with ' (cmd.exe keeps them as characters)"],
  [/\$[A-Za-z{(]/, "expands a shell variable"],
  [/\s;\s|;$/, "chains with ; (cmd.exe needs &&)"],
];

function posixProblems(command: string): string[] {
  return posixOnly.filter(([pattern]) => pattern.test(command)).map(([, reason]) => reason);
}

describe("CI", () => {
  it("installs exactly the lockfile with npm ci, so a lockfile that drifted from package.json fails", () => {
    const ci = readFileSync(new URL("../../.ci/run", import.meta.url), "utf8");
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).not.toMatch(/^npm (?:install|i)\b/m);
  });
});

describe("package.json scripts", () => {
  it("run the same under cmd.exe as under a POSIX shell", () => {
    const problems = Object.entries(scripts).flatMap(([name, command]) => posixProblems(command).map((reason) => `${name}: ${reason}`));
    expect(problems).toEqual([]);
  });

  it("would catch the ways a script stops working on Windows", () => {
    expect(posixProblems("WXT_TELEMETRY=false wxt build && WXT_TELEMETRY=false wxt build -b firefox")).toEqual(["sets a variable before a command"]);
    expect(posixProblems("wxt build && rm -rf .output/tmp")).toEqual(["runs a POSIX-only command"]);
    expect(posixProblems("node -e 'console.log(1)'")).toEqual(["quotes with ' (cmd.exe keeps them as characters)"]);
    expect(posixProblems("node scripts/start.ts --port $PORT")).toEqual(["expands a shell variable"]);
    expect(posixProblems("node a.ts ; node b.ts")).toEqual(["chains with ; (cmd.exe needs &&)"]);
  });
});
