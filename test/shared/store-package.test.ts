/**
 * `npm run zip` builds the store packages and refuses any a reviewer would
 * send back. Here it runs for real into a folder of the test's own; then
 * the checks it relies on are shown to fail on packages that are wrong.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintFirefoxPackage, packageProblems, readZip } from "../../scripts/store-package.ts";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };

describe("npm run zip", () => {
  let outDir = "";
  let zips: string[] = [];
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "mutual-zip-"));
    // A token in the shell must not end up in a package.
    const env = { ...process.env, WXT_MUTUAL_API_TOKEN: `mutual_${"a".repeat(40)}`, WXT_MUTUAL_API_URL: "http://127.0.0.1:8787" };
    await run(process.execPath, ["scripts/zip.ts", "--out-dir", outDir], { cwd: repoRoot, env, timeout: 170_000 });
    zips = readdirSync(outDir).filter((name) => name.endsWith(".zip")).sort();
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("writes the Chrome, Firefox and sources packages, named with package.json's version", () => {
    expect(zips).toEqual([`mutual-${version}-chrome.zip`, `mutual-${version}-firefox.zip`, `mutual-${version}-sources.zip`]);
  });

  it("packages that pass the reviewer's checks: version, permissions, no remote code, no token", () => {
    for (const name of zips.filter((zip) => !zip.includes("sources"))) {
      const files = readZip(readFileSync(join(outDir, name)));
      expect(packageProblems(files, version), name).toEqual([]);
      const manifest = JSON.parse(files.get("manifest.json")!.toString());
      // Chrome's side panel is Chrome's only: Firefox's package has neither the permission nor a sidebar of ours.
      const chrome = name.endsWith("-chrome.zip");
      expect(manifest.permissions).toEqual(["storage", "alarms", "notifications", "contextMenus", ...(chrome ? ["sidePanel"] : [])]);
      expect(manifest.side_panel, name).toEqual(chrome ? { default_path: "sidepanel.html" } : undefined);
      expect(manifest.sidebar_action, name).toBeUndefined();
      expect(files.has("sidepanel.html"), name).toBe(chrome);
      const contentScripts = (manifest as { content_scripts: { matches: string[] }[] }).content_scripts;
      expect(contentScripts.flatMap((script) => script.matches), name).toEqual(expect.arrayContaining(["https://outlook.office.com/mail/*", "https://outlook.office365.com/mail/*", "https://outlook.live.com/mail/*"]));
    }
  });

  it("content scripts on HubSpot's record pages and LinkedIn, with the sidebar's frame web-accessible there", () => {
    const manifest = JSON.parse(readZip(readFileSync(join(outDir, `mutual-${version}-chrome.zip`))).get("manifest.json")!.toString()) as {
      content_scripts: { matches: string[] }[]; web_accessible_resources: { matches: string[] }[];
    };
    const scripts = manifest.content_scripts.flatMap((script) => script.matches);
    expect(scripts).toEqual(expect.arrayContaining(["https://*.hubspot.com/contacts/*", "https://www.linkedin.com/*"]));
    expect(manifest.web_accessible_resources.flatMap((entry) => entry.matches)).toEqual(expect.arrayContaining(["https://*.hubspot.com/*", "https://www.linkedin.com/*"]));
  });

  it("a sources package that holds what builds the extension and no tests or builds", () => {
    const names = [...readZip(readFileSync(join(outDir, `mutual-${version}-sources.zip`))).keys()];
    for (const needed of ["package.json", "package-lock.json", "wxt.config.ts", "extension/entrypoints/background.ts", "extension/public/icon/128.png"]) {
      expect(names).toContain(needed);
    }
    expect(names.filter((name) => /^(?:test|node_modules|\.output|worker)\//.test(name))).toEqual([]);
  });
});

describe("the package checks", () => {
  const goodManifest = {
    manifest_version: 3, name: "Mutual", description: "Partner context.", version: "1.2.3",
    permissions: ["storage", "alarms"], host_permissions: [],
    content_scripts: [{ matches: ["https://mail.google.com/*"] }],
    web_accessible_resources: [{ resources: ["sidebar-frame.html"], matches: ["https://mail.google.com/*"] }],
    icons: { 16: "icon/16.png", 32: "icon/32.png", 48: "icon/48.png", 128: "icon/128.png" },
  };
  const packageOf = (manifest: object, extra: Record<string, string> = {}) => new Map<string, Buffer>([
    ["manifest.json", Buffer.from(JSON.stringify(manifest))],
    ...["16", "32", "48", "128"].map((size): [string, Buffer] => [`icon/${size}.png`, Buffer.alloc(1)]),
    ...Object.entries(extra).map(([name, text]): [string, Buffer] => [name, Buffer.from(text)]),
  ]);

  it("accepts a package that is fine", () => {
    expect(packageProblems(packageOf(goodManifest), "1.2.3")).toEqual([]);
  });

  it("accepts HubSpot's and LinkedIn's pages, and no wider pattern of either", () => {
    const crm = { ...goodManifest, content_scripts: [{ matches: ["https://*.hubspot.com/contacts/*", "https://www.linkedin.com/*"] }] };
    expect(packageProblems(packageOf(crm), "1.2.3")).toEqual([]);
    // The whole of HubSpot is the frame's pattern only: a content script stays on its record pages.
    const wider = { ...goodManifest, content_scripts: [{ matches: ["https://*.linkedin.com/*", "https://*/contacts/*", "https://*.hubspot.com/*"] }] };
    expect(packageProblems(packageOf(wider), "1.2.3")).toEqual([
      'a content script runs on "https://*.linkedin.com/*"', 'a content script runs on "https://*/contacts/*"', 'a content script runs on "https://*.hubspot.com/*"',
    ]);
  });

  it("refuses a version other than package.json's", () => {
    expect(packageProblems(packageOf(goodManifest), "1.2.4")).toEqual(["version is 1.2.3, package.json says 1.2.4"]);
  });

  it("refuses wider permissions, host access and other sites", () => {
    const problems = packageProblems(packageOf({
      ...goodManifest, permissions: ["storage", "tabs"], host_permissions: ["<all_urls>"],
      content_scripts: [{ matches: ["https://*/*"] }],
      web_accessible_resources: [{ resources: ["sidebar-frame.html"], matches: ["<all_urls>"] }],
    }), "1.2.3");
    expect(problems).toEqual([
      'asks for permission "tabs"', 'asks for host access to "<all_urls>"', 'a content script runs on "https://*/*"',
      'pages are web-accessible to "<all_urls>"',
    ]);
  });

  it("accepts Outlook's mail pages for the content script, and no other Outlook page", () => {
    const outlook = {
      ...goodManifest,
      content_scripts: [{ matches: ["https://outlook.office.com/mail/*", "https://outlook.live.com/mail/*"] }, { matches: ["https://outlook.office.com/*", "https://outlook.office.com/calendar/*"] }],
      web_accessible_resources: [{ resources: ["sidebar-frame.html"], matches: ["https://outlook.office365.com/*", "https://outlook.office.com/mail/*"] }],
    };
    expect(packageProblems(packageOf(outlook), "1.2.3")).toEqual([
      'a content script runs on "https://outlook.office.com/*"', 'a content script runs on "https://outlook.office.com/calendar/*"',
      // Chrome ignores a frame pattern with a path: it must be the whole host.
      'pages are web-accessible to "https://outlook.office.com/mail/*"',
    ]);
  });

  it("refuses remote code and an eval-friendly content security policy", () => {
    const problems = packageProblems(packageOf(
      { ...goodManifest, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } },
      { "popup.html": '<script src="https://cdn.example/x.js"></script>', "background.js": 'importScripts("https://cdn.example/y.js")' },
    ), "1.2.3");
    expect(problems).toHaveLength(3);
  });

  it("refuses a package with an API token built in, and one without icons", () => {
    const files = packageOf(goodManifest, { "background.js": `const token = "mutual_${"b".repeat(40)}";` });
    files.delete("icon/48.png");
    expect(packageProblems(files, "1.2.3")).toEqual(["no 48 px icon", "background.js holds an API token (a local build's defaults)"]);
  });

  it("web-ext lint fails a Firefox package Mozilla would reject", () => {
    const broken = packageOf({ ...goodManifest, manifest_version: 2, version: "not a version", background: { scripts: ["missing.js"] } });
    expect(lintFirefoxPackage(broken).some((problem) => problem.startsWith("web-ext lint error"))).toBe(true);
  }, 60_000);
});

describe("the extension's own code", () => {
  it("never writes HTML from strings (the one lint warning we accept is Preact's, not ours)", async () => {
    const { stdout } = await run("git", ["grep", "-n", "-E", "innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML", "--", "extension"], { cwd: repoRoot })
      .catch((error: { code?: number; stdout?: string }) => (error.code === 1 ? { stdout: "" } : Promise.reject(error)));
    expect(stdout).toBe("");
  });
});
