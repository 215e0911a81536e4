/**
 * Builds the extension for the e2e tests with wxt.e2e.config.ts: into a
 * directory of the run's own, signed out whatever the shell has set, and,
 * unless `asShipped`, with the sidebar's shadow root open for Playwright.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../../../scripts/local-d1.ts";

export async function buildExtension(outDir: string, options: { asShipped?: boolean } = {}): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, WXT_TELEMETRY: "false", MUTUAL_E2E_OUT_DIR: outDir };
  // A build that starts signed out, whatever the shell running the tests has set.
  delete env.WXT_MUTUAL_API_URL;
  delete env.WXT_MUTUAL_API_TOKEN;
  if (options.asShipped) env.MUTUAL_E2E_AS_SHIPPED = "1";
  else delete env.MUTUAL_E2E_AS_SHIPPED;
  const wxt = join(repoRoot, "node_modules", ".bin", "wxt");
  const output = await new Promise<{ code: number; text: string }>((resolve, reject) => {
    const child = spawn(wxt, ["build", "-c", "test/e2e/wxt.e2e.config.ts"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, text }));
  });
  if (output.code !== 0) throw new Error(`wxt build failed (exit ${output.code}):\n${output.text}`);
  return join(outDir, "chrome-mv3");
}
