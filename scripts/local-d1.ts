/**
 * Running wrangler's D1 commands from the scripts: the local database under
 * MUTUAL_DATA_DIR (default .mutual/, beside package.json) or, with
 * { remote: true }, the Cloudflare database named in wrangler.toml.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const databaseName = "mutual";

/** Where local D1 (and the demo token) live; relative paths are from the repo root. */
export function dataDir(): string {
  return resolve(repoRoot, process.env.MUTUAL_DATA_DIR || ".mutual");
}

export interface D1Target { remote: boolean }
export const localD1: D1Target = { remote: false };

/** The flags that point a d1 command at the local files or at Cloudflare. */
export function d1TargetFlags(target: D1Target): string[] {
  return target.remote ? ["--remote"] : ["--local", "--persist-to", dataDir()];
}

/** One statement's outcome, as `wrangler d1 execute --json` prints it. */
export interface D1Result<Row = Record<string, unknown>> {
  results: Row[];
  success: boolean;
  meta: Record<string, unknown>;
}

export class WranglerError extends Error {
  override name = "WranglerError";
}

// Wrangler asks no questions and sends no metrics when it thinks it runs in CI.
// The Worker never reads request.cf: wrangler dev need not fetch it from
// Cloudflare (offline, that fetch fails with a stack trace on every start).
const wranglerEnv = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

export function wranglerBin(): string {
  const bin = join(repoRoot, "node_modules", ".bin", process.platform === "win32" ? "wrangler.cmd" : "wrangler");
  if (!existsSync(bin)) throw new WranglerError(`wrangler is not installed at ${bin}; run \`npm install\` first.`);
  return bin;
}

/**
 * wrangler's own script run by this Node, the same on every system: Node
 * will not spawn node_modules/.bin/wrangler.cmd on Windows without a shell.
 */
function wranglerCommand(args: string[]): [string, string[]] {
  const script = join(repoRoot, "node_modules", "wrangler", "bin", "wrangler.js");
  if (!existsSync(script)) throw new WranglerError(`wrangler is not installed at ${script}; run \`npm install\` first.`);
  return [process.execPath, [script, ...args]];
}

export interface WranglerOutput { code: number; stdout: string; stderr: string }

/** Runs wrangler to completion, collecting its output; rejects only if it cannot start. */
export function runWrangler(args: string[], options: { echo?: boolean } = {}): Promise<WranglerOutput> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(...wranglerCommand(args), { cwd: repoRoot, env: wranglerEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      if (options.echo) process.stdout.write(text);
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
      if (options.echo) process.stderr.write(text);
    });
    child.on("error", (error) => reject(new WranglerError(`could not start wrangler: ${error.message}`)));
    child.on("close", (code, signal) => resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** Runs wrangler and throws with its own words if it fails. */
export async function runWranglerOrThrow(args: string[], what: string, options: { echo?: boolean } = {}): Promise<WranglerOutput> {
  const output = await runWrangler(args, options);
  if (output.code !== 0) throw new WranglerError(`${what} failed (wrangler ${args.join(" ")}):\n${wranglerMessage(output)}`);
  return output;
}

/** Starts a long-running wrangler (dev) attached to this terminal's output. */
export function spawnWranglerAttached(args: string[]): ChildProcess {
  return spawn(...wranglerCommand(args), { cwd: repoRoot, env: wranglerEnv, stdio: ["ignore", "inherit", "inherit"] });
}

export async function applyMigrations(target: D1Target): Promise<void> {
  await runWranglerOrThrow(["d1", "migrations", "apply", databaseName, ...d1TargetFlags(target)], "Applying migrations");
}

/** Executes SQL text (one or more statements; wrangler splits on `;` outside literals). */
export function executeSql(sql: string, target: D1Target): Promise<D1Result[]> {
  return executeJson(["--command", sql], target);
}

/** Executes a .sql file; for the local database it runs statement by statement. */
export function executeSqlFile(path: string, target: D1Target): Promise<D1Result[]> {
  return executeJson(["--file", path], target);
}

/** The rows of the last statement in `sql`. */
export async function queryRows<Row = Record<string, unknown>>(sql: string, target: D1Target): Promise<Row[]> {
  const results = await executeSql(sql, target);
  return (results.at(-1)?.results ?? []) as Row[];
}

async function executeJson(source: string[], target: D1Target): Promise<D1Result[]> {
  const args = ["d1", "execute", databaseName, ...d1TargetFlags(target), "--json", "--yes", ...source];
  const output = await runWrangler(args);
  const parsed = parseJson(output.stdout);
  if (output.code !== 0 || parsed === undefined || !Array.isArray(parsed)) {
    const error = (parsed as { error?: { text?: string } } | undefined)?.error?.text;
    throw new WranglerError(`D1 ${target.remote ? "(remote)" : `(local, ${dataDir()})`} said: ${error ?? wranglerMessage(output)}`);
  }
  return parsed as D1Result[];
}

function parseJson(text: string): unknown {
  const start = text.search(/^[[{]/m);
  if (start < 0) return undefined;
  try {
    return JSON.parse(text.slice(start));
  } catch {
    return undefined;
  }
}

/** The useful part of wrangler's output when it fails: its error lines, not its banner. */
export function wranglerMessage(output: WranglerOutput): string {
  const text = `${output.stderr}\n${output.stdout}`
    .split("\n")
    .filter((line) => line.trim() && !/^\s*⛅️ wrangler|^─+$|npm warn/.test(line))
    .join("\n");
  return text.trim() || `wrangler exited with code ${output.code}`;
}
