/**
 * Chromium for bench/extension-paint.ts, with or without the built extension,
 * the Gmail pages routed at https://mail.google.com/ (so the content script's
 * `matches` apply for real), and a recorder in the page's own world that
 * notes when an open thread's messages enter the DOM and every long task.
 * The extension's marks: mutual:page-read from the content script
 * (extension/content/sidebar-controller.ts) in the page's timeline, and
 * mutual:cache-answered, mutual:painted-cache, mutual:painted-fresh from the
 * sidebar's frame (lookup-flow.ts), moved onto the page's clock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from "playwright-core";
import { chromiumOptions } from "../test/e2e/harness/chromium.ts";


/** chrome.* as the extension's own pages see it (only what the bench calls). */
interface ChromeApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(keys: string | string[] | null): Promise<Record<string, unknown>>; remove(keys: string | string[]): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { message: string } }> };
}
declare const chrome: ChromeApi;

/** The key of `pages` whose page is served for every path of https://outlook.office.com/. */
export const outlookPageKey = "outlook.office.com";

/** `frameTime`: the timestamp of the first animation frame after the thread was drawn (the frame that shows it). */
export interface ThreadShown { t: number; id: string; href: string; frameTime: number | null }
export interface LongTask { start: number; duration: number }
export interface Mark { name: string; startTime: number; url: string | null; frameAt: number | null; frameTime: number | null }
export interface Timeline { shown: ThreadShown[]; longTasks: LongTask[]; marks: Mark[] }

/** Runs in the page's main world before its scripts: when a thread's messages appear, and long tasks. */
function recorder(): void {
  const bench = { shown: [] as ThreadShown[], longTasks: [] as LongTask[] };
  (window as unknown as { __mutualBench: typeof bench }).__mutualBench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no Long Tasks API: the timeline says so by having none
  }
  let last = "";
  // A microtask after the mutation that put the first message in the main pane: within the task that drew it.
  const check = () => {
    const first = document.querySelector("div[role=main] div.adn[data-message-id]");
    // Outlook's reading pane (bench/outlook-paint.ts): its first sender line, as drawn (the URL changes before it is).
    const outlookSender = first ? null : document.querySelector('[data-app-section="MailReadCompose"] span.OZZZK');
    const id = first?.getAttribute("data-message-id") ?? (outlookSender ? `outlook|${outlookSender.textContent}` : "");
    if (id === last) return;
    last = id;
    if (!id) return;
    const entry: ThreadShown = { t: performance.now(), id, href: location.href, frameTime: null };
    bench.shown.push(entry);
    requestAnimationFrame((frameTime) => (entry.frameTime = frameTime));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["role"] });
}

/** A document's or the service worker's "mutual:" marks on its own clock, and that clock's origin. */
function marksIn(target: Page | Frame | Worker): Promise<{ marks: Mark[]; origin: number }> {
  // The three evaluate()s differ only in their options; the function is the same.
  return (target as Frame).evaluate(() => ({
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType("mark")
      .filter((mark) => mark.name.startsWith("mutual:"))
      .map((mark) => {
        const detail = (mark as PerformanceMark).detail as { url?: string; frameAt?: number; frameTime?: number } | null;
        return { name: mark.name, startTime: mark.startTime, url: detail?.url ?? null, frameAt: detail?.frameAt ?? null, frameTime: detail?.frameTime ?? null };
      }),
  }));
}

export class BenchBrowser {
  readonly context: BrowserContext;
  /** The Gmail tab the bench drives. */
  readonly page: Page;
  readonly extensionId: string | null;
  private readonly userDataDir: string;
  private storagePage: Page | undefined;

  // No parameter properties: Node runs this file by stripping types only.
  private constructor(context: BrowserContext, page: Page, extensionId: string | null, userDataDir: string) {
    this.context = context;
    this.page = page;
    this.extensionId = extensionId;
    this.userDataDir = userDataDir;
  }

  /** Chromium with the unpacked extension at `extensionPath`, or none when it is null. */
  static async launch(extensionPath: string | null, pages: Record<string, string>): Promise<BenchBrowser> {
    const userDataDir = mkdtempSync(join(tmpdir(), "mutual-bench-chromium-"));
    let context: BrowserContext | undefined;
    try {
      context = await chromium.launchPersistentContext(userDataDir, chromiumOptions(extensionPath));
      let extensionId: string | null = null;
      if (extensionPath) {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
        extensionId = /^chrome-extension:\/\/([a-p]{32})\//.exec(worker.url())?.[1] ?? null;
        if (!extensionId) throw new Error(`unexpected extension service worker URL: ${worker.url()}`);
      }
      // Each page at its own path of Gmail's origin, with Gmail's Trusted Types policy.
      await context.route("https://mail.google.com/**", (route) => {
        const path = new URL(route.request().url()).pathname;
        const body = pages[path];
        if (body === undefined) return route.fulfill({ status: 404, body: "no such bench page" });
        return route.fulfill({
          status: 200, contentType: "text/html; charset=utf-8",
          headers: { "Content-Security-Policy": "require-trusted-types-for 'script'" }, body,
        });
      });
      // The Outlook fixture, if given, at every path of Outlook's origin, as Outlook answers any deep link.
      const outlook = pages[outlookPageKey];
      if (outlook !== undefined) await context.route("https://outlook.office.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: outlook }));
      await context.addInitScript(recorder);
      const page = context.pages()[0] ?? (await context.newPage());
      return new BenchBrowser(context, page, extensionId, userDataDir);
    } catch (error) {
      await context?.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The extension's storage, through a page of its own origin that sends no messages (its manifest.json). */
  private async extensionPage(): Promise<Page> {
    if (!this.extensionId) throw new Error("this browser has no extension");
    if (this.storagePage && !this.storagePage.isClosed()) return this.storagePage;
    this.storagePage = await this.context.newPage();
    await this.storagePage.goto(`chrome-extension://${this.extensionId}/manifest.json`);
    // The measured tab must be the one on screen: hidden tabs get no animation frames.
    await this.page.bringToFront();
    return this.storagePage;
  }

  /** Signs in as the options page does: the background checks the token and keeps it out of storage.local. */
  async signIn(apiUrl: string, apiToken: string): Promise<void> {
    const page = await this.extensionPage();
    const reply = await page.evaluate((settings) => chrome.runtime.sendMessage({ type: "saveSettings", settings }), { apiUrl, token: apiToken });
    if (!reply.ok) throw new Error(`signing in failed: ${reply.error?.message}`);
  }

  /** Empties the lookup cache (extension/background/lookup-cache.ts): every "lookup:" entry and the index. */
  async forgetLookups(): Promise<void> {
    const page = await this.extensionPage();
    await page.evaluate(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith("lookup:") || key === "lookupIndex");
      await chrome.storage.local.remove(keys);
    });
  }

  /** Whether the sidebar starts collapsed on the next page load (extension/sidebar/store.ts, collapsedItem). */
  async setSidebarCollapsed(collapsed: boolean): Promise<void> {
    const page = await this.extensionPage();
    await page.evaluate((value) => chrome.storage.local.set({ sidebarCollapsed: value }), collapsed);
  }

  async cachedLookupCount(): Promise<number> {
    const page = await this.extensionPage();
    return page.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith("lookup:")).length);
  }

  /**
   * The page's recorder and marks, and the sidebar frame's marks (the frame
   * looks the page up and paints, extension/sidebar/frame-controller.tsx),
   * moved onto the page's clock by the two documents' time origins.
   */
  async timeline(): Promise<Timeline> {
    const bench = await this.page.evaluate(() => {
      const recorded = (window as unknown as { __mutualBench?: { shown: ThreadShown[]; longTasks: LongTask[] } }).__mutualBench;
      return { shown: recorded?.shown ?? [], longTasks: recorded?.longTasks ?? [] };
    });
    const onPage = await marksIn(this.page);
    const marks = [...onPage.marks];
    for (const frame of this.page.frames().filter((f) => f.url().includes("/sidebar-frame.html"))) {
      const inFrame = await marksIn(frame).catch(() => null);
      if (!inFrame) continue;
      const shift = inFrame.origin - onPage.origin;
      const moved = (t: number | null) => (t === null ? null : t + shift);
      marks.push(...inFrame.marks.map((mark) => ({ ...mark, startTime: mark.startTime + shift, frameAt: moved(mark.frameAt), frameTime: moved(mark.frameTime) })));
    }
    // The background's lookup marks (extension/background/handle-request.ts); a worker that was stopped has lost its own.
    for (const worker of this.context.serviceWorkers().filter((w) => this.extensionId && w.url().startsWith(`chrome-extension://${this.extensionId}/`))) {
      const inWorker = await marksIn(worker).catch(() => null);
      if (!inWorker) continue;
      const shift = inWorker.origin - onPage.origin;
      marks.push(...inWorker.marks.map((mark) => ({ ...mark, startTime: mark.startTime + shift, url: null })));
    }
    marks.sort((x, y) => x.startTime - y.startTime);
    return { ...bench, marks };
  }

  /** The browser's own name for its version (the Debian package follows Chromium's releases). */
  async version(): Promise<string> {
    const session = await this.context.newCDPSession(this.page);
    try {
      const { product } = (await session.send("Browser.getVersion")) as { product: string };
      return product.replace(/^HeadlessChrome\//, "Chromium ");
    } finally {
      await session.detach().catch(() => {});
    }
  }

  /**
   * Whether this browser reports a frame's rendering update (style, layout,
   * paint) as a long task, not only the script task before it: a script of a
   * few ms appends text whose first layout takes far longer, and the longest
   * task reported is compared with the script's own time. Chromium versions
   * differ here, and it decides what "longest task" means on the heavy page.
   */
  async reportsRenderingAsLongTasks(): Promise<boolean> {
    await this.page.goto("about:blank");
    const measured = await this.page.evaluate(() => new Promise<{ scriptMs: number; longestMs: number }>((resolve) => {
      const durations: number[] = [];
      new PerformanceObserver((list) => durations.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: "longtask" });
      const start = performance.now();
      const lines = document.createDocumentFragment();
      for (let i = 0; i < 6_000; i += 1) lines.append(Object.assign(document.createElement("p"), { textContent: `${"word ".repeat(40)}${i}` }));
      document.body.appendChild(lines);
      const scriptMs = performance.now() - start;
      setTimeout(() => resolve({ scriptMs, longestMs: Math.max(0, ...durations) }), 1_000);
    }));
    return measured.longestMs > Math.max(50, measured.scriptMs + 25);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}
