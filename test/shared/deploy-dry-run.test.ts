import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm run deploy -- --dry-run", () => {
  it("bundles the worker for Cloudflare without an account or the network", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "mutual-dry-run-"));
    try {
      const { stdout } = await run(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "deploy", "--dry-run", "--outdir", outdir], {
        env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
        timeout: 120_000,
      });
      expect(stdout).toMatch(/--dry-run: exiting now/);
      expect(stdout).toMatch(/env\.DB \(mutual\)/);
      expect(readdirSync(outdir)).toContain("index.js");
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 130_000);
});
