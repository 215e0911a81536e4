/**
 * The page can neither read nor drive the sidebar. With the extension as
 * shipped (closed shadow root), a script on the Gmail page finds no shadow
 * root, no text of the sidebar (a confidential promise's title shown in it)
 * and no way to its controls. With the e2e build, whose root is open for
 * Playwright, the page's script does reach the controls, and its synthetic
 * clicks, keys and submits still create nothing: the sidebar acts only on
 * trusted events.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
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

/** Every text node of the page, shadow roots of any kind included, as DevTools sees it (not the page). */
async function renderedText(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  try {
    interface DomNode { nodeType: number; nodeValue: string; children?: DomNode[]; shadowRoots?: DomNode[] }
    const { root } = (await session.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode };
    const texts: string[] = [];
    const walk = (node: DomNode) => {
      if (node.nodeType === 3) texts.push(node.nodeValue);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    return texts.join(" ");
  } finally {
    await session.detach();
  }
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
    // It is there (DevTools sees it)…
    await expect.poll(async () => (await renderedText(b.page)).includes(secret), { ...patience, message: "the sidebar should show the secret promise" }).toBe(true);

    // …and the page's own script, in its own world, gets nothing of it.
    const seen = await b.page.evaluate((text) => {
      const host = document.querySelector("mutual-sidebar") as HTMLElement | null;
      const selection = getSelection()!;
      selection.selectAllChildren(document.body);
      const selected = selection.toString();
      selection.removeAllRanges();
      const atPanel = document.elementFromPoint(window.innerWidth - 20, window.innerHeight / 2);
      // window.find() does search closed roots (a known gap, below); what it finds must not be readable.
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

  // Known gap of a closed root (docs/extension.md): window.find() searches closed shadow roots too, so
  // the page can learn whether a string it guessed is on screen (not read it: the text can't be selected).
  it.fails("keeps the sidebar's text out of window.find()", async () => {
    const found = await browser!.page.evaluate((text) => (window as unknown as { find(text: string): boolean }).find(text), secret);
    expect(found).toBe(false);
  });

  it("lets the page's listeners see none of the sidebar's elements when the user clicks in it", async () => {
    const b = browser!;
    await b.page.evaluate(() => {
      (window as unknown as { seenPaths: string[][] }).seenPaths = [];
      document.addEventListener("click", (event) => {
        (window as unknown as { seenPaths: string[][] }).seenPaths.push(event.composedPath().map((node) => (node as Element).tagName ?? String(node)));
      }, true);
    });
    // A real click on the open panel's header, near its right edge (the Collapse button): inside the sidebar.
    await b.page.mouse.click((b.page.viewportSize()?.width ?? 1280) - 30, 90);
    const paths = await b.page.evaluate(() => (window as unknown as { seenPaths: string[][] }).seenPaths);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path[0]).toBe("MUTUAL-SIDEBAR");
      expect(path).not.toContain("BUTTON");
      expect(path).not.toContain("ASIDE");
    }
  });
});

describe("Synthetic events from the page (e2e build, whose root is open for Playwright)", () => {
  beforeAll(async () => {
    browser = await ExtensionBrowser.launch(env);
    await browser.signIn();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("open nothing and create nothing, even on the controls the page can reach", async () => {
    const b = browser!;
    await b.openThread("A");
    const card = b.partnerCard(acme.name);
    await expectVisible(card, `the "${acme.name}" card`);

    // The page clicks "Log a promise" with script: the form does not open.
    await b.page.evaluate(() => {
      const root = document.querySelector("mutual-sidebar")!.shadowRoot!;
      const button = [...root.querySelectorAll("button")].find((element) => element.textContent === "Log a promise")!;
      button.click();
      button.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
      button.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
    });
    await b.page.waitForTimeout(500);
    expect(await card.getByRole("form").count()).toBe(0);

    // The user opens it; the page fills it in and tries every way to send it but a real click.
    await card.getByRole("button", { name: "Log a promise", exact: true }).click();
    const form = card.getByRole("form", { name: `Log a promise with ${acme.name}` });
    await expectVisible(form, "the promise form");
    await b.page.evaluate((title) => {
      const root = document.querySelector("mutual-sidebar")!.shadowRoot!;
      const form = root.querySelector("form")!;
      const field = [...form.querySelectorAll("input")].find((input) => input.type === "text" || input.type === "")!;
      field.value = title;
      field.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, data: title }));
      const save = [...form.querySelectorAll("button")].find((element) => element.type === "submit")!;
      save.click();
      save.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
      field.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
      form.dispatchEvent(new SubmitEvent("submit", { bubbles: true, cancelable: true }));
      form.requestSubmit();
    }, `Pwned ${run}`);
    await b.page.waitForTimeout(2_000);
    expect(await secretCommitments()).toEqual([]);
    expect((await b.storage(["outbox"])).outbox ?? []).toEqual([]);
    await expectVisible(form, "the promise form, still open and unsent");
  });
});
