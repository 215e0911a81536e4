/**
 * The heavy-page half of bench/extension-paint.ts: what the sidebar costs the
 * host page's main thread on a Gmail page of thousands of rows
 * (bench/heavy-gmail.ts). Four ways of loading the same page, alternating in
 * every round (each round starts one further along), so all four see the
 * same machine:
 *
 * - without the extension, in the bench's 1,400 px window;
 * - without the extension, in a window narrower by the open panel's width:
 *   the page laid out in the room the open sidebar leaves it, with nothing of
 *   ours running (what a narrower window costs this page by itself);
 * - with the extension, the sidebar docked open (360 px) and collapsed (the
 *   40 px rail).
 *
 * Untraced loads give the long tasks (PerformanceObserver in the page);
 * traced loads (Chrome trace with the V8 sampler) give the page's Layout and
 * style work, wall and CPU time, how many layouts laid out the whole page,
 * and how much of each task was our JavaScript.
 */
import type { BenchBrowser } from "./extension-browser.ts";
import { fmt, ms, spread, type Spread } from "./figures.ts";
import { mainThreadProfile, startTrace, type RenderingWork } from "./main-thread-trace.ts";

export const heavyPath = "/mail/u/1/";
export const heavyThreadId = "FMfcgzQheavyThreadXyZaBcDeFgHiJkLm";
const heavyUrl = `https://mail.google.com${heavyPath}#inbox/${heavyThreadId}`;
export const heavy = { listRows: 2_000, messages: 100 };
/** After the thread is drawn, how long a heavy-page run keeps watching for long tasks. */
export const heavyWatchMs = 2_500;
const longTaskMs = 50;
/** The bench's window (test/e2e/harness/chromium.ts) and the open panel (extension/content/sidebar-frame.ts). */
const windowSize = { width: 1_400, height: 900 };
const panelWidthPx = 360;
/** How close to "without" each figure must come (the issue's target). */
const withinShare = 0.1;

export type HeavyVariantId = "without" | "narrowed" | "open" | "collapsed";
interface HeavyVariant { id: HeavyVariantId; label: string; extension: boolean; collapsed: boolean; width: number }

export const heavyVariants: HeavyVariant[] = [
  { id: "without", label: "without the extension", extension: false, collapsed: false, width: windowSize.width },
  { id: "narrowed", label: `without, window ${panelWidthPx} px narrower`, extension: false, collapsed: false, width: windowSize.width - panelWidthPx },
  { id: "open", label: "with, sidebar open", extension: true, collapsed: false, width: windowSize.width },
  { id: "collapsed", label: "with, sidebar collapsed", extension: true, collapsed: true, width: windowSize.width },
];

export interface HeavyRun {
  longTasks: number[];
  /** Long tasks that started once the thread was in the DOM: reading it and painting the sidebar happen then. */
  longTasksAfterThread: number[];
}

export interface TracedRun {
  /** The page's heaviest script task (a timer: the fixture appending the rows) and our sampled share of it. */
  drawTaskMs: number;
  drawTaskOursMs: number;
  /**
   * CPU time of the page's main thread, not wall time: what the thread itself
   * did, steady when the 2 cores are busy with other processes (ours among
   * them) and the wall time of every task stretches. The longest timer task
   * (the page's own drawing) and the sum over every task of the load.
   */
  drawTaskCpuMs: number;
  threadCpuMs: number;
  /** The task holding most of our sampled time: our share of it, its length, and what of ours ran in it. */
  maxOursInOneTaskMs: number;
  taskOfMaxOursMs: number;
  taskOfMaxOursEvents: string[];
  taskOfMaxOursWhere: string[];
  oursTotalMs: number;
  /** Tasks over 50 ms with any of our samples in them, and those that would be under 50 ms without our share. */
  longTasksWithOurs: number;
  madeLongByOurScripts: number;
  sampleIntervalMs: number;
  /** Every task over 50 ms: length, our share, what ran (for the log). */
  longTasks: string[];
  rendering: RenderingWork;
}

/** Waits until the sidebar has painted the page's lookup (extension-paint.ts's visit marks). */
export type WaitForSidebar = (browser: BenchBrowser, url: string) => Promise<unknown>;

async function threadShownAt(browser: BenchBrowser): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const timeline = await browser.timeline();
    if (timeline.shown.length > 0) return timeline.shown[0]!.t;
    if (Date.now() > deadline) throw new Error("the heavy page never drew its thread");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One load of the heavy page; the long tasks from navigation until heavyWatchMs after the thread was drawn. */
async function heavyLoad(browser: BenchBrowser, sidebar: WaitForSidebar | null): Promise<HeavyRun> {
  await browser.page.goto("about:blank");
  await browser.page.goto(heavyUrl);
  if (sidebar) await sidebar(browser, heavyUrl);
  const shownAt = await threadShownAt(browser);
  await browser.page.waitForFunction((until) => performance.now() > until, shownAt + heavyWatchMs, { timeout: 20_000, polling: 100 });
  const timeline = await browser.timeline();
  return {
    longTasks: timeline.longTasks.map((task) => task.duration),
    longTasksAfterThread: timeline.longTasks.filter((task) => task.start >= shownAt - 1).map((task) => task.duration),
  };
}

/** One heavy-page load under a Chrome trace with the V8 sampling profiler (same overhead with and without the extension). */
async function tracedHeavyLoad(browser: BenchBrowser, sidebar: WaitForSidebar | null): Promise<TracedRun> {
  await browser.page.goto("about:blank");
  const session = await browser.context.newCDPSession(browser.page);
  const stop = await startTrace(session);
  await browser.page.goto(heavyUrl);
  if (sidebar) await sidebar(browser, heavyUrl);
  else await threadShownAt(browser);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const events = await stop();
  await session.detach().catch(() => {});
  const profile = mainThreadProfile(events, "https://mail.google.com");
  if (profile.samples === 0) throw new Error("the trace has no CPU samples of the page's main thread");
  const draw = profile.tasks.filter((task) => task.timer).reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  const maxOurs = profile.tasks.reduce((a, b) => (b.oursMs > a.oursMs ? b : a));
  const long = profile.tasks.filter((task) => task.durationMs > longTaskMs);
  return {
    drawTaskMs: draw.durationMs,
    drawTaskOursMs: draw.oursMs,
    drawTaskCpuMs: Math.max(...profile.tasks.filter((task) => task.timer).map((task) => task.cpuMs)),
    threadCpuMs: profile.tasks.reduce((sum, task) => sum + task.cpuMs, 0),
    maxOursInOneTaskMs: maxOurs.oursMs,
    taskOfMaxOursMs: maxOurs.durationMs,
    taskOfMaxOursEvents: maxOurs.ourEvents,
    taskOfMaxOursWhere: maxOurs.oursWhere,
    oursTotalMs: profile.oursTotalMs,
    longTasksWithOurs: long.filter((task) => task.oursMs > 0).length,
    madeLongByOurScripts: long.filter((task) => task.oursMs > 0 && task.durationMs - task.oursMs <= longTaskMs).length,
    sampleIntervalMs: profile.sampleIntervalMs,
    longTasks: long.map((task) => `${task.durationMs.toFixed(0)} ms (CPU ${task.cpuMs.toFixed(0)}) at ${task.startMs.toFixed(0)} (ours ${task.oursMs.toFixed(1)}): ${task.label}`),
    rendering: profile.rendering,
  };
}

export interface HeavyBrowsers { withExtension: BenchBrowser; withoutExtension: BenchBrowser }

/** Puts the browser in the variant's state: the window's width, and whether the sidebar starts collapsed. */
async function prepare(browsers: HeavyBrowsers, variant: HeavyVariant): Promise<BenchBrowser> {
  const browser = variant.extension ? browsers.withExtension : browsers.withoutExtension;
  await browser.page.setViewportSize({ width: variant.width, height: windowSize.height });
  if (variant.extension) await browser.setSidebarCollapsed(variant.collapsed);
  return browser;
}

export interface HeavyResults { runs: Map<HeavyVariantId, HeavyRun[]>; traced: Map<HeavyVariantId, TracedRun[]> }

/** `rounds` untraced and `tracedRounds` traced loads of each variant, alternating (each round starts one variant further on). */
export async function compareHeavy(browsers: HeavyBrowsers, sidebar: WaitForSidebar, rounds: number, tracedRounds: number): Promise<HeavyResults> {
  const results: HeavyResults = { runs: new Map(), traced: new Map() };
  const order = (round: number) => heavyVariants.map((_, i) => heavyVariants[(i + round) % heavyVariants.length]!);
  // One unrecorded load each: the lookup cache for this thread, code caches.
  for (const variant of heavyVariants) await heavyLoad(await prepare(browsers, variant), variant.extension ? sidebar : null);
  for (let round = 0; round < rounds; round += 1) {
    for (const variant of order(round)) {
      const run = await heavyLoad(await prepare(browsers, variant), variant.extension ? sidebar : null);
      results.runs.set(variant.id, [...(results.runs.get(variant.id) ?? []), run]);
    }
  }
  for (let round = 0; round < tracedRounds; round += 1) {
    for (const variant of order(round)) {
      const run = await tracedHeavyLoad(await prepare(browsers, variant), variant.extension ? sidebar : null);
      results.traced.set(variant.id, [...(results.traced.get(variant.id) ?? []), run]);
    }
  }
  for (const variant of heavyVariants) await prepare(browsers, { ...variant, width: windowSize.width, collapsed: false });
  return results;
}

export function summarizeHeavy(runsOf: HeavyRun[]) {
  const longest = spread(runsOf.map((run) => Math.max(0, ...run.longTasks)));
  const count = spread(runsOf.map((run) => run.longTasks.length));
  const blocking = spread(runsOf.map((run) => run.longTasks.reduce((sum, d) => sum + Math.max(0, d - longTaskMs), 0)));
  const after = spread(runsOf.map((run) => run.longTasksAfterThread.length));
  const longestAfter = spread(runsOf.map((run) => Math.max(0, ...run.longTasksAfterThread)));
  const blockingAfter = spread(runsOf.map((run) => run.longTasksAfterThread.reduce((sum, d) => sum + Math.max(0, d - longTaskMs), 0)));
  return { longest, count, blocking, after, longestAfter, blockingAfter };
}

export function summarizeRendering(runsOf: TracedRun[]) {
  const of = (pick: (work: RenderingWork) => number) => spread(runsOf.map((run) => pick(run.rendering)));
  return {
    layout: of((work) => work.layoutMs),
    layoutCpu: of((work) => work.layoutCpuMs),
    style: of((work) => work.styleMs),
    styleCpu: of((work) => work.styleCpuMs),
    wholePage: of((work) => work.wholePageLayouts),
    forcedByOurs: of((work) => work.layoutForcedByOursMs),
    drawCpu: spread(runsOf.map((run) => run.drawTaskCpuMs)),
    threadCpu: spread(runsOf.map((run) => run.threadCpuMs)),
  };
}

/** The log lines of one comparison. */
export function logHeavy(results: HeavyResults, log: (line: string) => void): void {
  for (const variant of heavyVariants) {
    const runs = results.runs.get(variant.id) ?? [];
    const summary = summarizeHeavy(runs);
    const rendering = summarizeRendering(results.traced.get(variant.id) ?? []);
    log(`  ${variant.label}: longest ${fmt(summary.longest)}, blocking ${fmt(summary.blocking)}, count ${summary.count.median}; after the thread: longest ${fmt(summary.longestAfter)}, blocking ${fmt(summary.blockingAfter)}; traced Layout ${fmt(rendering.layout)} (CPU ${fmt(rendering.layoutCpu)}), style ${fmt(rendering.style)} (CPU ${fmt(rendering.styleCpu)}), whole-page layouts ${rendering.wholePage.median}, longest timer task CPU ${fmt(rendering.drawCpu)}, thread CPU ${fmt(rendering.threadCpu)}; per load ${runs.map((run) => `[${run.longTasks.map((d) => d.toFixed(0)).join(" ")}]`).join(" ")}`);
    for (const run of results.traced.get(variant.id) ?? []) log(`    traced: layouts ${run.rendering.each.join(", ")}; long tasks ${run.longTasks.join(" | ") || "none"}`);
  }
}

const versus = (withUs: number, without: number) => `${withUs >= without ? "+" : "−"}${ms(Math.abs(withUs - without))}${without > 0 ? `, ${withUs >= without ? "+" : "−"}${((Math.abs(withUs - without) / without) * 100).toFixed(0)} %` : ""}`;
const within = (withUs: number, without: number) => withUs <= without * (1 + withinShare);

/** The heavy page's table and verdicts for BENCHMARKS.md's extension-paint section. */
export function heavySection(results: HeavyResults, cores: number): string {
  const rows = heavyVariants.map((variant) => {
    const s = summarizeHeavy(results.runs.get(variant.id) ?? []);
    const r = summarizeRendering(results.traced.get(variant.id) ?? []);
    return `| ${variant.label} | ${s.count.n} | ${s.count.median} (${s.count.min}–${s.count.max}) | ${fmt(s.longest)} | ${fmt(s.blocking)} | ${r.layout.n} | ${fmt(r.layout)} | ${fmt(r.layoutCpu)} | ${fmt(r.style)} | ${fmt(r.styleCpu)} | ${r.wholePage.median} (${r.wholePage.min}–${r.wholePage.max}) | ${fmt(r.drawCpu)} | ${fmt(r.threadCpu)} |`;
  });
  const without = summarizeHeavy(results.runs.get("without") ?? []);
  const withoutLayout = summarizeRendering(results.traced.get("without") ?? []);
  const narrowedLayout = summarizeRendering(results.traced.get("narrowed") ?? []);
  const verdicts = (["open", "collapsed"] as const).map((id) => {
    const s = summarizeHeavy(results.runs.get(id) ?? []);
    const r = summarizeRendering(results.traced.get(id) ?? []);
    const figures: [string, Spread, Spread][] = [
      ["longest task", s.longest, without.longest],
      ["total blocking", s.blocking, without.blocking],
      ["traced Layout (CPU)", r.layoutCpu, withoutLayout.layoutCpu],
    ];
    const missed = figures.filter(([, w, wo]) => !within(w.median, wo.median)).map(([name]) => name);
    const label = heavyVariants.find((variant) => variant.id === id)!.label;
    const detail = figures.map(([name, w, wo]) => `${name} ${ms(w.median)} against ${ms(wo.median)} (${versus(w.median, wo.median)})`).join(", ");
    return `- ${missed.length === 0 ? "✅" : "❌"} ${label}: ${detail}${missed.length ? `; over ${withinShare * 100} %: ${missed.join(", ")}` : ""} (target: each within ${withinShare * 100} % of without, medians).`;
  });
  const afterLine = `Long tasks that began once the thread was in the DOM (the sidebar paints then; what it does beyond that waits for the page to settle, extension/sidebar/page-settled.ts), the longest per load and the total blocking after the thread, medians: ${heavyVariants.map((variant) => {
    const s = summarizeHeavy(results.runs.get(variant.id) ?? []);
    const against = variant.extension ? ` (${versus(s.longestAfter.median, without.longestAfter.median)})` : "";
    return `${variant.label} ${ms(s.longestAfter.median)}${against} and ${ms(s.blockingAfter.median)}`;
  }).join("; ")}.`;
  const open = summarizeRendering(results.traced.get("open") ?? []);
  const collapsed = summarizeRendering(results.traced.get("collapsed") ?? []);
  // Wall-time figures stretch with whatever else runs on the cores; CPU time tells the page's own extra work from waiting.
  const cpuLine = `The page's own work, as CPU time of its main thread in the traced loads (medians): its longest timer task (drawing the rows) ${ms(withoutLayout.drawCpu.median)} without, ${ms(open.drawCpu.median)} open (${versus(open.drawCpu.median, withoutLayout.drawCpu.median)}), ${ms(collapsed.drawCpu.median)} collapsed (${versus(collapsed.drawCpu.median, withoutLayout.drawCpu.median)}); all of the load ${ms(withoutLayout.threadCpu.median)} without, ${ms(open.threadCpu.median)} open (${versus(open.threadCpu.median, withoutLayout.threadCpu.median)}, ${ms(narrowedLayout.threadCpu.median)} for the page alone as narrow), ${ms(collapsed.threadCpu.median)} collapsed (${versus(collapsed.threadCpu.median, withoutLayout.threadCpu.median)}). Where a task's wall time grows and its CPU time does not, the thread was waiting for a core (the extension's frame, background and the local API run in other processes).`;
  // The open sidebar leaves the page 360 px less room; the same page in a window that much narrower is what docking itself costs.
  const narrowed = summarizeHeavy(results.runs.get("narrowed") ?? []);
  const openTasks = summarizeHeavy(results.runs.get("open") ?? []);
  const beyondRoom: [string, number, number][] = [
    ["longest task", openTasks.longest.median, narrowed.longest.median],
    ["total blocking", openTasks.blocking.median, narrowed.blocking.median],
    ["traced Layout (CPU)", open.layoutCpu.median, narrowedLayout.layoutCpu.median],
  ];
  const mechanism = `${beyondRoom.every(([, w, wo]) => within(w, wo)) ? "✅" : "❌"} What the extension adds beyond the room it takes: with the sidebar open, against the page without it in a window as narrow, ${beyondRoom.map(([name, w, wo]) => `${name} ${ms(w)} against ${ms(wo)} (${versus(w, wo)})`).join(", ")} (target: each within ${withinShare * 100} %).`;
  return `| | loads | long tasks per load | longest task | total blocking (Σ over ${longTaskMs} ms) | traced loads | traced Layout, wall | traced Layout, CPU | traced style, wall | traced style, CPU | whole-page layouts per load | traced: the page's longest timer task, CPU | traced: main thread CPU per load |
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|
${rows.join("\n")}

${verdicts.join("\n")}
- ${mechanism}
- ${afterLine}
- What a narrower page costs by itself: the page without the extension in a window ${panelWidthPx} px narrower spends ${ms(narrowedLayout.layoutCpu.median)} of CPU in Layout against ${ms(withoutLayout.layoutCpu.median)} at full width (${versus(narrowedLayout.layoutCpu.median, withoutLayout.layoutCpu.median)}): its inbox table is laid out to fit, and its rows wrap, in less room. The open sidebar leaves the page that room, so compare "with, sidebar open" with this line for what the extension's own mechanism adds.
- "Whole-page layouts" counts the Layouts that laid out at least 90 % of the most layout objects the page had in that load (its ${heavy.listRows.toLocaleString("en")} inbox rows): one per load is the page's own first layout of its rows; a second would be the page laid out again because its width changed after it had drawn (the content scripts make room at document_start, before the page has laid out anything).
- ${cpuLine}
- Wall time includes the main thread waiting for one of the ${cores} cores (wrangler dev, workerd, the browser's other processes); CPU time is the thread's own work, and steadier.`;
}
