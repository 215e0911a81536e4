/**
 * npm run screenshots: takes docs/screenshots/ afresh from the built
 * extension against a seeded local API (test/e2e/screenshots.test.ts, which
 * writes the files when MUTUAL_SCREENSHOTS is 1).
 */
import { spawnSync } from "node:child_process";

const run = spawnSync("npx", ["vitest", "run", "--project", "e2e", "test/e2e/screenshots.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, MUTUAL_SCREENSHOTS: "1" },
  shell: process.platform === "win32",
});
process.exit(run.status ?? 1);
