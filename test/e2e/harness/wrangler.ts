/**
 * One `wrangler dev` of the real Worker on a loopback port, with its D1 in a
 * directory of its own, started the way scripts/start.ts starts it. Its
 * output goes to a log file (named in every failure). Stopped as a whole
 * process group, so workerd never outlives the run, even when the test
 * process exits abruptly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { repoRoot, wranglerBin } from "../../../scripts/local-d1.ts";

export const host = "127.0.0.1";

/** Process groups this process started and has not yet seen stop; killed on exit whatever happens. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const pgid of liveGroups) killGroup(pgid, "SIGKILL");
  });
  // On a signal: take wrangler down, then let the signal do what it would have done without us.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      for (const pgid of liveGroups) killGroup(pgid, "SIGKILL");
      process.removeListener(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export interface ApiServerOptions {
  port: number;
  /** Where D1 keeps its files (the MUTUAL_DATA_DIR of scripts/local-d1.ts). */
  dataDir: string;
  logFile: string;
}

export class ApiServer {
  readonly url: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(readonly options: ApiServerOptions) {
    this.url = `http://${host}:${options.port}`;
  }

  /** The pid of `wrangler dev` (also its process group), while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts wrangler dev and resolves once GET /healthz answers 200. */
  async start(timeoutMs = 90_000): Promise<void> {
    if (this.child) return;
    installExitHook();
    // After a stop, the port can take a moment to be released.
    const portDeadline = Date.now() + 15_000;
    while (!(await portIsFree(this.options.port))) {
      if (Date.now() > portDeadline) throw new Error(`port ${this.options.port} is still in use; cannot start wrangler dev`);
      await sleep(200);
    }
    const log = openSync(this.options.logFile, "a");
    const child = spawn(
      wranglerBin(),
      [
        "dev", "--local", "--persist-to", this.options.dataDir, "--port", String(this.options.port), "--ip", host,
        "--show-interactive-dev-session=false",
      ],
      {
        cwd: repoRoot,
        // As scripts/local-d1.ts runs wrangler: no prompts, no metrics.
        env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
        stdio: ["ignore", log, log],
        detached: true, // its own process group: workerd goes with it
      },
    );
    closeSync(log);
    if (child.pid === undefined) throw new Error("could not start wrangler dev");
    const pid = child.pid;
    liveGroups.add(pid);
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("exit", () => {
        // The group may hold workerd still; make sure it goes too.
        killGroup(pid, "SIGKILL");
        liveGroups.delete(pid);
        if (this.child === child) this.child = null;
        resolve();
      });
    });

    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`wrangler dev exited before ${this.url}/healthz answered.\n${this.logTail()}`);
      if (await this.healthy()) return;
      await sleep(250);
    }
    await this.stop();
    throw new Error(`${this.url}/healthz did not answer within ${timeoutMs / 1000} s.\n${this.logTail()}`);
  }

  /** Stops wrangler dev and workerd; resolves once nothing listens on the port. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    killGroup(child.pid, "SIGTERM");
    const stopped = await Promise.race([this.exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!stopped) {
      killGroup(child.pid, "SIGKILL");
      await this.exited;
    }
    const deadline = Date.now() + 10_000;
    while (!(await portIsFree(this.options.port)) && Date.now() < deadline) await sleep(100);
  }

  /**
   * Kills the server by its own pid, at once, as a crash or a power cut
   * would: SIGKILL to wrangler's process group, so workerd gets no chance to
   * finish what it was doing. Resolves once the port is free again.
   */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    killGroup(child.pid, "SIGKILL");
    await this.exited;
    const deadline = Date.now() + 10_000;
    while (!(await portIsFree(this.options.port)) && Date.now() < deadline) await sleep(100);
  }

  async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** The end of wrangler's output, for failure messages. */
  logTail(lines = 40): string {
    try {
      const text = readFileSync(this.options.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
      return `wrangler dev log (${this.options.logFile}), last ${lines} lines:\n${text}`;
    } catch {
      return `(no wrangler log at ${this.options.logFile})`;
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
