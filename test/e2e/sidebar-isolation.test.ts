/**
 * The page can neither read nor drive the sidebar. Its content is an
 * extension page in an <iframe> (content/sidebar-frame.ts), in a closed
 * shadow root as shipped: a script on the Gmail page finds no shadow root, no
 * text of the sidebar (a confidential promise's title shown in it), not even
 * with window.find(), and no way to its controls. With the e2e build, whose
 * root is open for Playwright, the page reaches the <iframe> element but not
 * its document, and what it posts to the frame opens and creates nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Commitment } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { buildExtension } from "./harness/build.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectVisible, patience } from "./harness/expect.ts";
import { utcDate } from "./harness/seed.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const run = Date.now().toString(36);
const secret = `Confidential: 40% launch discount ${run}`;
let browser: ExtensionBrowser | undefined;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  await api.post(`/v1/partners/${acme.id}/commitments`, { title: secret, owed_by: "us", due_on: utcDate(5) });
});

/** The sidebar's text, read in its own frame (as DevTools can; the page cannot). */
async function frameText(b: ExtensionBrowser): Promise<string> {
  return (await b.sidebarFrame()?.evaluate(() => document.body.innerText).catch(() => "")) ?? "";
}

async function secretCommitments(): Promise<Commitment[]> {
  return (await api.list<Commitment>(`/v1/commitments?partner_id=${acme.id}`)).filter((c) => c.title.startsWith("Pwned"));
}

describe("The extension as shipped", () => {
  let buildDir: string;
  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), "mutual-e2e-shipped-"));
    const extensionPath = await buildExtension(buildDir, { asShipped: true });
    browser = await ExtensionBrowser.launch({ ...env, extensionPath });
    await browser.signIn();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
    rmSync(buildDir, { recursive: true, force: true });
  });

  it("shows the page's script nothing of the sidebar, which does show the confidential promise", async () => {
    const b = browser!;
    await b.openThread("A");
    // It is there (in the extension's frame)…
    await expect.poll(async () => (await frameText(b)).includes(secret), { ...patience, message: "the sidebar should show the secret promise" }).toBe(true);

    // …and the page's own script, in its own world, gets nothing of it.
    const seen = await b.page.evaluate((text) => {
      const host = document.querySelector("mutual-sidebar") as HTMLElement | null;
      const selection = getSelection()!;
      selection.selectAllChildren(document.body);
      const selected = selection.toString();
      selection.removeAllRanges();
      const atPanel = document.elementFromPoint(window.innerWidth - 20, window.innerHeight / 2);
      // window.find() searches closed shadow roots too, but not other documents (below).
      (window as unknown as { find(text: string): boolean }).find(text.slice(0, 12));
      const afterFind = getSelection()!;
      const foundText = afterFind.toString();
      afterFind.modify("extend", "forward", "paragraphboundary");
      const extendedText = afterFind.toString();
      afterFind.removeAllRanges();
      return {
        foundText,
        extendedText,
        host: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        hostText: `${host?.innerText ?? ""}${host?.textContent ?? ""}${host?.innerHTML ?? ""}`,
        pageText: document.documentElement.innerText + document.documentElement.outerHTML,
        selected,
        atPanel: atPanel?.tagName.toLowerCase() ?? null,
        atPanelRoot: atPanel?.shadowRoot ?? null,
      };
    }, secret);
    expect(seen).toMatchObject({ host: true, shadowRoot: null, atPanel: "mutual-sidebar", atPanelRoot: null });
    for (const text of [seen.hostText, seen.pageText, seen.selected, seen.foundText, seen.extendedText]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain("Open commitments");
    }
  });

  // A closed root alone failed this: window.find() searches closed shadow roots, so the page could
  // learn whether a string it guessed was on screen. It does not search another document.
  it("keeps the sidebar's text out of window.find()", async () => {
    const b = browser!;
    await expect.poll(async () => (await frameText(b)).includes(secret), { ...patience, message: "the sidebar should show the secret promise" }).toBe(true);
    const found = await b.page.evaluate((texts) => texts.map((text) => (window as unknown as { find(text: string): boolean }).find(text)), [secret, "Open commitments", "Mutual partner context"]);
    expect(found).toEqual([false, false, false]);
  });

  it("lets the page's listeners see nothing when the user clicks in the sidebar, which still acts", async () => {
    const b = browser!;
    await b.page.evaluate(() => {
      (window as unknown as { seenPaths: string[][] }).seenPaths = [];
      document.addEventListener("click", (event) => {
        (window as unknown as { seenPaths: string[][] }).seenPaths.push(event.composedPath().map((node) => (node as Element).tagName ?? String(node)));
      }, true);
    });
    expect((await b.storage(["sidebarCollapsed"])).sidebarCollapsed ?? false).toBe(false);
    // A real click on the open panel's header, near its right edge (the Collapse button): inside the sidebar's frame.
    await b.page.mouse.click((b.page.viewportSize()?.width ?? 1280) - 30, 90);
    await expect.poll(async () => (await b.storage(["sidebarCollapsed"])).sidebarCollapsed, { ...patience, message: "the click should collapse the sidebar" }).toBe(true);
    const paths = await b.page.evaluate(() => (window as unknown as { seenPaths: string[][] }).seenPaths);
    expect(paths).toEqual([]);
  });
});

describe("The page's script (e2e build, whose root is open for Playwright)", () => {
  beforeAll(async () => {
    browser = await ExtensionBrowser.launch(env);
    await browser.signIn();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("reaches the frame element but not its document, and what it posts to the frame opens and creates nothing", async () => {
    const b = browser!;
    await b.openThread("A");
    const card = b.partnerCard(acme.name);
    await expectVisible(card, `the "${acme.name}" card`);

    const reach = await b.page.evaluate(() => {
      const frame = document.querySelector("mutual-sidebar")!.shadowRoot!.querySelector("iframe")!;
      let windowDocument = "unreadable";
      try {
        windowDocument = String(frame.contentWindow!.document.body.innerText);
      } catch {
        // A cross-origin frame: the expected answer.
      }
      // Everything a page can send an extension frame: messages in the shapes the sidebar uses.
      for (const message of [{ type: "toggle" }, { type: "collapsed", collapsed: true }, { type: "write" }, "Log a promise"]) {
        frame.contentWindow!.postMessage(message, "*");
      }
      return { contentDocument: frame.contentDocument === null, windowDocument };
    });
    expect(reach).toEqual({ contentDocument: true, windowDocument: "unreadable" });
    await b.page.waitForTimeout(500);
    await expectVisible(card, "the card, still open");
    expect(await card.getByRole("form").count()).toBe(0);
    expect((await b.storage(["outbox"])).outbox ?? []).toEqual([]);
    expect(await secretCommitments()).toEqual([]);
  });
});
