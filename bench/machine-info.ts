/** What the figures were measured on, for the record beside them. */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../scripts/local-d1.ts";

export interface MachineInfo { cpu: string; cores: number; memoryGiB: number; node: string; wrangler: string; date: string }

export function machineInfo(now = new Date()): MachineInfo {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    wrangler: packageVersion("wrangler"),
    date: now.toISOString().slice(0, 10),
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((text) => text.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? "unknown CPU";
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
