/**
 * One Chromium per test file with the built extension loaded, the Gmail
 * fixture served at https://mail.google.com/ (so the content script's
 * `matches` apply for real), and what a failing test needs to explain
 * itself: the sidebar's text, a screenshot, the extension's storage and the
 * browser's console.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type CDPSession, type Frame, type Locator, type Page, type Worker } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { E2eEnv } from "./context.ts";
import { gmailFixtureHtml, threadUrl, type FixtureThread } from "./mailbox.ts";
import { chromiumOptions } from "./chromium.ts";


/** chrome.* as the extension's own pages see it (only what the tests call). */
interface ChromeApi {
  storage: {
    local: { get(keys?: string | string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(keys: string | string[]): Promise<void> };
    session: { remove(keys: string | string[]): Promise<void> };
  };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { message: string } }> };
}
declare const chrome: ChromeApi;

/** Profiles not yet removed; removed on exit too, if a file's afterAll never ran. */
const profiles = new Set<string>();
process.on("exit", () => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

export class ExtensionBrowser {
  /** Console lines from pages and the service worker, newest last (for failure reports). */
  readonly consoleLines: string[] = [];
  /** The tab the tests drive (Gmail, or the options page). */
  page!: Page;
  /** The extension service worker's running status, as the ServiceWorker CDP domain last reported it. */
  workerStatus = "unknown";
  /** Every status the worker went through since the tests started watching it (stopServiceWorker). */
  readonly workerStatusLog: string[] = [];
  private quietPage: Page | undefined;
  private workerSession: CDPSession | undefined;

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly userDataDir: string,
    private readonly env: E2eEnv,
  ) {}

  /** A new profile, or (restarted()) the same profile again, as after closing the browser. */
  static async launch(env: E2eEnv, profile?: string): Promise<ExtensionBrowser> {
    const userDataDir = profile ?? mkdtempSync(join(tmpdir(), "mutual-e2e-chromium-"));
    profiles.add(userDataDir);
    let context: BrowserContext | undefined;
    try {
      context = await chromium.launchPersistentContext(userDataDir, chromiumOptions(env.extensionPath));
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
      const extensionId = /^chrome-extension:\/\/([a-p]{32})\//.exec(worker.url())?.[1];
      if (!extensionId) throw new Error(`unexpected extension service worker URL: ${worker.url()}`);
      const browser = new ExtensionBrowser(context, extensionId, userDataDir, env);
      browser.watchConsole();

      // The Gmail fixture at Gmail's own address, with Gmail's Trusted Types policy.
      const html = gmailFixtureHtml();
      await context.route("https://mail.google.com/**", (route) => route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "Content-Security-Policy": "require-trusted-types-for 'script'" },
        body: html,
      }));
      browser.page = context.pages()[0] ?? (await context.newPage());
      return browser;
    } catch (error) {
      await context?.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
      profiles.delete(userDataDir);
      throw error;
    }
  }

  private watchConsole(): void {
    const record = (source: string, text: string) => {
      this.consoleLines.push(`[${new Date().toISOString().slice(11, 23)} ${source}] ${text}`);
      if (this.consoleLines.length > 300) this.consoleLines.shift();
    };
    const watchPage = (page: Page) => {
      page.on("console", (message) => record(`page ${message.type()}`, message.text()));
      page.on("pageerror", (error) => record("page error", error.message));
    };
    const watchWorker = (worker: Worker) => {
      worker.on("console", (message) => record(`service worker ${message.type()}`, message.text()));
    };
    this.context.pages().forEach(watchPage);
    this.context.on("page", watchPage);
    this.context.serviceWorkers().forEach(watchWorker);
    this.context.on("serviceworker", watchWorker);
  }

  /**
   * A page of the extension's own origin that sends no messages (its
   * manifest.json): it reads and writes chrome.storage whether or not the
   * service worker is running, and is where the ServiceWorker CDP domain sees
   * the extension's worker.
   */
  private async extensionPage(): Promise<Page> {
    if (this.quietPage && !this.quietPage.isClosed()) return this.quietPage;
    this.quietPage = await this.context.newPage();
    await this.quietPage.goto(`chrome-extension://${this.extensionId}/manifest.json`);
    await this.page.bringToFront();
    return this.quietPage;
  }

  async storage(keys?: string[]): Promise<Record<string, unknown>> {
    const page = await this.extensionPage();
    return page.evaluate((wanted) => chrome.storage.local.get(wanted ?? null), keys ?? null);
  }

  /** Removes keys from the extension's storage.local, as a fresh install has none of them. */
  async removeFromStorage(keys: string[]): Promise<void> {
    const page = await this.extensionPage();
    await page.evaluate((names) => chrome.storage.local.remove(names), keys);
  }

  /** Empties the extension's lookup cache (extension/background/lookup-cache.ts). */
  async forgetLookups(): Promise<void> {
    const page = await this.extensionPage();
    await page.evaluate(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith("lookup:") || key === "lookupIndex");
      await chrome.storage.local.remove(keys);
    });
  }

  /**
   * Signs the extension in as the options page does (the background checks the
   * token with the API and keeps it where content scripts can't read it), for
   * tests that are not about the options page.
   */
  async signIn(apiUrl = this.env.apiUrl, token = this.env.token): Promise<void> {
    const page = await this.extensionPage();
    const reply = await page.evaluate((settings) => chrome.runtime.sendMessage({ type: "saveSettings", settings }), { apiUrl, token });
    if (!reply.ok) throw new Error(`signing in failed: ${reply.error?.message}`);
  }

  /** Forgets the saved API URL and token (IndexedDB and the session copy), as a fresh install has none. */
  async signOut(): Promise<void> {
    const page = await this.extensionPage();
    await page.evaluate(async () => {
      await chrome.storage.session.remove("credentials");
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("mutual", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("credentials");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction("credentials", "readwrite");
          transaction.objectStore("credentials").delete("current");
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      });
    });
  }

  /** The saved API URL and token, from the extension's own IndexedDB (background/credential-store.ts), or null. */
  async credentials(): Promise<{ apiUrl: string; token: string } | null> {
    const page = await this.extensionPage();
    return page.evaluate(() => new Promise<{ apiUrl: string; token: string } | null>((resolve, reject) => {
      const open = indexedDB.open("mutual", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("credentials");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const read = open.result.transaction("credentials").objectStore("credentials").get("current");
        read.onsuccess = () => {
          const stored = read.result as { apiUrl: string; token: string } | undefined;
          open.result.close();
          resolve(stored ? { apiUrl: stored.apiUrl, token: stored.token } : null);
        };
        read.onerror = () => reject(read.error);
      };
    }));
  }

  private async workerEvents(): Promise<CDPSession> {
    if (this.workerSession) return this.workerSession;
    const session = await this.context.newCDPSession(await this.extensionPage());
    const url = `chrome-extension://${this.extensionId}/background.js`;
    session.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL !== url) continue;
        this.workerStatus = version.runningStatus;
        this.workerStatusLog.push(`${new Date().toISOString().slice(11, 23)} ${version.runningStatus}`);
      }
    });
    await session.send("ServiceWorker.enable");
    this.workerSession = session;
    return session;
  }

  /**
   * Stops the extension's service worker, as Chrome does to an idle one (its
   * timers go with it; storage and alarms stay). Resolves once it is stopped.
   */
  async stopServiceWorker(): Promise<void> {
    const session = await this.workerEvents();
    await session.send("ServiceWorker.stopAllWorkers");
    await expect.poll(() => this.workerStatus, { timeout: 10_000, message: "the service worker should stop" }).toBe("stopped");
  }

  optionsUrl(): string {
    return `chrome-extension://${this.extensionId}/options.html`;
  }

  /**
   * Opens a fixture thread by loading Gmail at its URL: a fresh page load
   * (going to another thread of an open Gmail would only change the hash).
   */
  async openThread(key: FixtureThread["key"]): Promise<void> {
    await this.page.goto("about:blank");
    await this.page.goto(threadUrl(key));
  }

  /**
   * The sidebar's extension frame (content/sidebar-frame.ts), whose document
   * holds everything it shows: its body, for locators. Playwright reaches the
   * <iframe> through the e2e build's open shadow root.
   */
  sidebar(): Locator {
    return this.page.locator("mutual-sidebar iframe").contentFrame().locator("body");
  }

  /** The sidebar's frame as Playwright sees it (found by its URL, so the shipped build's closed root doesn't hide it). */
  sidebarFrame(): Frame | undefined {
    return this.page.frames().find((frame) => frame.url().startsWith(`chrome-extension://${this.extensionId}/sidebar-frame.html`));
  }

  /** The open sidebar's panel (its text is the sidebar's text; the host element's own innerText is empty). */
  panel(): Locator {
    return this.sidebar().locator("aside.panel");
  }

  /** The sidebar folded to its tab with no partner on it, as it folds itself on a page with nothing to show. */
  foldedTab(): Locator {
    return this.sidebar().getByRole("button", { name: "Open Mutual", exact: true });
  }

  /** One matched partner's card in the sidebar. */
  partnerCard(name: string): Locator {
    return this.sidebar().getByRole("article", { name, exact: true });
  }

  /** The sidebar's polite live region ("… saved.", "… saved, will sync …"). */
  announcement(): Locator {
    return this.sidebar().locator("aside p.visually-hidden[role=status]");
  }

  async sidebarText(): Promise<string> {
    const frame = this.sidebarFrame();
    if (!frame) return "(no sidebar frame on the page)";
    return frame.evaluate(() => {
      const text = document.body.innerText ?? "";
      return text.replace(/\n{3,}/g, "\n\n").trim() || "(the sidebar shows nothing)";
    }).catch((error: unknown) => `(could not read the sidebar: ${String(error)})`);
  }

  /** Writes a screenshot and a report for a failed test; returns what to print. */
  async captureFailure(testName: string): Promise<string> {
    const slug = testName.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").slice(0, 80);
    const stamp = Date.now();
    const screenshot = join(this.env.artifactsDir, `${slug}-${stamp}.png`);
    const report = join(this.env.artifactsDir, `${slug}-${stamp}.txt`);
    let screenshotNote = screenshot;
    try {
      await this.page.screenshot({ path: screenshot, fullPage: true, timeout: 10_000 });
    } catch (error) {
      screenshotNote = `(screenshot failed: ${String(error)})`;
    }
    const storage = await this.storage(["apiUrl", "outbox", "sidebarCollapsed"])
      .then((items) => JSON.stringify(items, null, 2))
      .catch((error: unknown) => `(could not read extension storage: ${String(error)})`);
    const gmailShows = await this.page.evaluate(() => {
      const subject = document.querySelector("div[role=main] h2.hP")?.textContent ?? "(no thread subject)";
      const people = [...document.querySelectorAll("div[role=main] div.adn span[email]")].map((element) => element.getAttribute("email"));
      return `${subject} — ${[...new Set(people)].join(", ") || "nobody"}`;
    }).catch(() => "(not a Gmail page)");
    const text = [
      `Failed: ${testName}`,
      `Page URL: ${this.page.url()}`,
      `Gmail shows: ${gmailShows}`,
      `Screenshot: ${screenshotNote}`,
      `wrangler dev log: ${this.env.wranglerLog}`,
      "--- Sidebar text ---",
      await this.sidebarText(),
      "--- Extension storage (apiUrl, outbox, sidebarCollapsed) ---",
      storage,
      "--- Console (last 60 lines) ---",
      ...this.consoleLines.slice(-60),
    ].join("\n");
    writeFileSync(report, text);
    return `${text}\n(report saved to ${report})`;
  }

  /**
   * Closes the browser and starts it again on the same profile: storage.local
   * and the extension's IndexedDB stay, session storage and the worker's
   * memory go. Use the returned browser from then on.
   */
  async restarted(): Promise<ExtensionBrowser> {
    await this.context.close();
    return ExtensionBrowser.launch(this.env, this.userDataDir);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    rmSync(this.userDataDir, { recursive: true, force: true });
    profiles.delete(this.userDataDir);
  }
}

/**
 * Launches one browser for the file's tests and reports on each failure.
 * Call at the top of a test file; use the returned getter inside tests.
 */
export function useExtensionBrowser(getBrowser: () => ExtensionBrowser | undefined): void {
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      const browser = getBrowser();
      if (!browser) return;
      const report = await browser.captureFailure(task.name);
      console.error(`\n===== e2e failure report =====\n${report}\n==============================\n`);
    });
  });
}

/**
 * The usual set-up of a test file: one Chromium with the extension, signed in
 * to the run's API, launched before the file's tests and closed after them,
 * with a failure report for each failed test. Returns the browser's getter.
 */
export function useSignedInBrowser(env: E2eEnv): () => ExtensionBrowser {
  let browser: ExtensionBrowser | undefined;
  useExtensionBrowser(() => browser);
  beforeAll(async () => {
    browser = await ExtensionBrowser.launch(env);
    await browser.signIn();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser did not start (see the beforeAll error)");
    return browser;
  };
}
