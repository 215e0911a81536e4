/**
 * The API under test: `wrangler dev --local --persist-to <data dir>` on
 * 127.0.0.1, as `npm start` runs it, but serving a bundle built once at the
 * start of the bench. Others edit the tree while a bench runs; a plain
 * `wrangler dev` would rebuild and restart mid-measurement and the sizes
 * would compare different code. Output goes to a log file, shown on failure.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { repoRoot, runWranglerOrThrow, wranglerBin } from "../scripts/local-d1.ts";

export const loopback = "127.0.0.1";
/** Servers still running, so an interrupted bench can stop them. */
const running = new Set<DevServer>();

export interface DevServer {
  baseUrl: string;
  logFile: string;
  /** The process group wrangler and its workerd run in (for their CPU time). */
  processGroup: number;
  stop(): Promise<void>;
}

/** The worker as `wrangler deploy` would upload it; returns the entry file. */
export async function bundleWorker(outDir: string): Promise<string> {
  await runWranglerOrThrow(["deploy", "--dry-run", "--outdir", outDir], "Bundling the worker");
  return join(outDir, "index.js");
}

export function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`port ${port} on ${loopback} is in use; pass --port <free port>`)));
    probe.listen(port, loopback, () => probe.close(() => resolve()));
  });
}

export async function startDevServer(input: { bundle: string; dataDir: string; port: number; logFile: string; extraArgs?: string[] }): Promise<DevServer> {
  await ensurePortFree(input.port);
  const baseUrl = `http://${loopback}:${input.port}`;
  const log = openSync(input.logFile, "a");
  const child = spawn(wranglerBin(), [
    "dev", input.bundle, "--config", join(repoRoot, "wrangler.toml"), "--no-bundle",
    "--local", "--persist-to", input.dataDir, "--port", String(input.port), "--ip", loopback,
    "--show-interactive-dev-session=false", "--log-level", "warn", ...(input.extraArgs ?? []),
  ], {
    cwd: repoRoot,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    stdio: ["ignore", log, log],
    // Its own process group, so stopping it also stops the workerd it starts.
    detached: true,
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: DevServer = {
    baseUrl, logFile: input.logFile, processGroup: child.pid ?? -1,
    stop: async () => {
      running.delete(server);
      await stopGroup(child, exited);
    },
  };
  running.add(server);
  const ready = await Promise.race([waitForHealth(baseUrl, 120_000), exited.then(() => false)]);
  if (!ready) {
    await server.stop();
    throw new Error(`wrangler dev did not answer ${baseUrl}/healthz; its log:\n${tail(input.logFile)}`);
  }
  return server;
}

export async function stopAllDevServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) signalGroup("SIGKILL");
  // wrangler may exit before its workerd; make sure nothing of the group is left.
  await sleep(200);
  signalGroup("SIGKILL");
}

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return true;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  return false;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
