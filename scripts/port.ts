/**
 * Ports for `npm start`: whether one is free, what holds it when it is not,
 * and the next free one. A stopped server's port can stay bound for a moment
 * while its process exits, so a busy port is looked at again briefly before
 * it is reported.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";

export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** True as soon as the port is free, false if it is still taken after `withinMs`. */
export async function waitForPortFree(port: number, host: string, withinMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await isPortFree(port, host)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first free port after `port`, trying `tries` of them; null if none is. */
export async function nextFreePort(port: number, host: string, tries = 20): Promise<number | null> {
  for (let candidate = port + 1; candidate <= Math.min(port + tries, 65_535); candidate++) {
    if (await isPortFree(candidate, host)) return candidate;
  }
  return null;
}

/** "pid 123 (node server.js)" for what listens on the port, or "another program" when the system won't say. */
export function portHolder(port: number): string {
  const found = listenerFromProc(port) ?? listenerFromLsof(port);
  return found ? `pid ${found.pid}${found.command ? ` (${found.command})` : ""}` : "another program";
}

interface Listener { pid: number; command: string }

/** Linux: the listening socket's inode in /proc/net/tcp*, then the process holding that inode. */
function listenerFromProc(port: number): Listener | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const localPort = Number.parseInt(fields[1]?.split(":")[1] ?? "", 16);
      if (localPort === port && fields[3] === "0A" && fields[9]) inodes.add(fields[9]); // 0A: LISTEN
    }
  }
  if (inodes.size === 0) return null;
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let descriptors: string[] = [];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const descriptor of descriptors) {
      let target = "";
      try {
        target = readlinkSync(`/proc/${pid}/fd/${descriptor}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return { pid: Number(pid), command: commandOf(pid) };
    }
  }
  return null;
}

function commandOf(pid: string): string {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return shorten(words.join(" "));
  } catch {
    return "";
  }
}

/** macOS and other systems with lsof. */
function listenerFromLsof(port: number): Listener | null {
  try {
    const output = execFileSync("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 3_000 });
    const pid = /^p(\d+)$/m.exec(output)?.[1];
    return pid ? { pid: Number(pid), command: /^c(.+)$/m.exec(output)?.[1] ?? "" } : null;
  } catch {
    return null;
  }
}

function shorten(command: string): string {
  return command.length > 120 ? `${command.slice(0, 117)}…` : command;
}
