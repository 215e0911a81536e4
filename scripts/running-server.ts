/**
 * Which database the API started by `npm start` uses, so `npm run token`
 * writes where that server reads even when MUTUAL_DATA_DIR was set only in
 * the terminal that started it. `npm start` writes .mutual-server.json beside
 * package.json while it runs and removes it when it stops.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { repoRoot } from "./local-d1.ts";

export interface RunningServer { pid: number; url: string; dataDir: string }

const stateFile = join(repoRoot, ".mutual-server.json");

export function recordRunningServer(server: RunningServer): void {
  writeFileSync(stateFile, `${JSON.stringify(server, null, 2)}\n`);
}

/** Removes the record only if it is this process's (a second `npm start` may have replaced it). */
export function forgetRunningServer(pid: number): void {
  if (readRecord()?.pid === pid) rmSync(stateFile, { force: true });
}

/** The server `npm start` recorded, if its process is still alive. */
export function runningServer(): RunningServer | null {
  const record = readRecord();
  if (!record) return null;
  try {
    process.kill(record.pid, 0); // signal 0: only asks whether the process exists
    return record;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? record : null;
  }
}

function readRecord(): RunningServer | null {
  try {
    const parsed = JSON.parse(readFileSync(stateFile, "utf8")) as Partial<RunningServer>;
    if (typeof parsed.pid !== "number" || typeof parsed.url !== "string" || typeof parsed.dataDir !== "string") return null;
    return { pid: parsed.pid, url: parsed.url, dataDir: parsed.dataDir };
  } catch {
    return null;
  }
}

export interface DataDirChoice { dataDir: string; note: string }

/**
 * The local database `npm run token` should use, and a line saying which and
 * why: MUTUAL_DATA_DIR when set (with a warning if the running server reads
 * another one), else the running server's, else the default.
 */
export function chooseDataDir(input: { configured: string | undefined; running: RunningServer | null; defaultDir: string }): DataDirChoice {
  const { configured, running } = input;
  if (configured) {
    const dataDir = resolve(repoRoot, configured);
    const note = running && resolve(running.dataDir) !== dataDir
      ? `Database: ${dataDir} (MUTUAL_DATA_DIR). Note: the API running at ${running.url} reads ${running.dataDir}; a token made here will not work there.`
      : `Database: ${dataDir} (MUTUAL_DATA_DIR).`;
    return { dataDir, note };
  }
  if (running) return { dataDir: running.dataDir, note: `Database: ${running.dataDir} (the one the API at ${running.url} uses).` };
  return { dataDir: input.defaultDir, note: `Database: ${input.defaultDir} (the default; no npm start is running).` };
}
