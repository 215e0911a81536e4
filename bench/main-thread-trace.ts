/**
 * Which main-thread tasks of a page the extension's content script ran in,
 * from a Chrome trace (CDP Tracing) with the V8 sampling profiler on: each
 * top-level task of the page's renderer main thread, and how much of it was
 * spent with a chrome-extension:// script on the JavaScript stack.
 *
 * Sampling misses what is not JavaScript (style, layout caused by our DOM
 * writes show up under the page's task without our frames), so "ours" is a
 * lower bound; the with/without-extension comparison covers the rest. Each
 * sample stands for the time to the next one, so a share is only as precise
 * as the sampling interval (reported with the figures).
 */
import type { CDPSession } from "playwright-core";

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time for a complete event, µs. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode { id: number; parent?: number; callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } }

export interface TaskShare {
  /** Since the trace's first event on the page's main thread, ms. */
  startMs: number;
  durationMs: number;
  /** The main thread's CPU time in the task, ms: below durationMs when the thread waited for a core. */
  cpuMs: number;
  /** Time with an extension script on the stack, ms (sampled). */
  oursMs: number;
  /** Trace events inside the task that name one of our scripts (script runs, callbacks, compiles), longest first. */
  ourEvents: string[];
  /** Where our sampled time in the task went: the innermost frame of ours on each stack (and what it was calling), most first. */
  oursWhere: string[];
  /** The task ran a page timer (setTimeout callback): the fixture draws in those. */
  timer: boolean;
  /** What the task ran, by its longest events (for logs). */
  label: string;
}

/** The page's own rendering work on its main thread (trace events "Layout" and "UpdateLayoutTree"). */
export interface RenderingWork {
  /** Σ Layout, wall time and the main thread's CPU time, ms: wall minus CPU is time the thread was descheduled (2 busy cores). */
  layoutMs: number;
  layoutCpuMs: number;
  layouts: number;
  /** The most layout objects one Layout had to lay out (a whole-page relayout lays out every row). */
  largestLayoutObjects: number;
  /** Layouts forced inside one of our scripts' calls (a read of geometry after a write), ms. */
  layoutForcedByOursMs: number;
  /** Layouts of the whole page at its biggest (≥ 90 % of the most layout objects it ever had, dirty): one per load is the page's own first layout of its rows. */
  wholePageLayouts: number;
  /** Σ style recalculation (UpdateLayoutTree), wall time and CPU time, ms. */
  styleMs: number;
  styleCpuMs: number;
  /** Each Layout: when (ms into the trace), wall and CPU ms, dirty/total objects (for the log). */
  each: string[];
}

export interface MainThreadProfile {
  tasks: TaskShare[];
  rendering: RenderingWork;
  /** All sampled time with an extension script on the stack, ms. */
  oursTotalMs: number;
  samples: number;
  /** The median time between two samples, ms. */
  sampleIntervalMs: number;
}

const categories = [
  "toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline",
  // The profiler's default interval (not .hires): less overhead on the tasks being measured.
  "disabled-by-default-v8.cpu_profiler", "v8.execute",
];

/** The script URL a trace event names (FunctionCall, EvaluateScript, v8.compile…), if any. */
function eventUrl(event: TraceEvent): string {
  const data = (event.args?.data ?? event.args?.beginData ?? event.args) as { url?: unknown; fileName?: unknown } | undefined;
  const url = data?.url ?? data?.fileName;
  return typeof url === "string" ? url : "";
}

export async function startTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  session.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send("Tracing.start", { traceConfig: { includedCategories: categories, recordMode: "recordAsMuchAsPossible" }, transferMode: "ReportEvents" });
  return async () => {
    const complete = new Promise<void>((resolve) => session.once("Tracing.tracingComplete", () => resolve()));
    await session.send("Tracing.end");
    await complete;
    return events;
  };
}

/** The renderer main thread that parsed a page of `origin`, and its tasks with our share of each. */
export function mainThreadProfile(events: TraceEvent[], origin: string, ourUrlPrefix = "chrome-extension://"): MainThreadProfile {
  const parse = events.find((event) => event.name === "ParseHTML" && String((event.args?.beginData as { url?: string } | undefined)?.url ?? "").startsWith(origin));
  if (!parse) throw new Error(`the trace has no ParseHTML of ${origin}`);
  const { pid, tid } = parse;
  const onThread = events.filter((event) => event.pid === pid && event.tid === tid);

  // The sampling profile of that thread: nodes and samples arrive in chunks.
  const profile = onThread.find((event) => event.name === "Profile");
  const nodes = new Map<number, ProfileNode>();
  const sampleTimes: number[] = [];
  const sampleNodes: number[] = [];
  if (profile) {
    let time = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
    const chunks = events.filter((event) => event.name === "ProfileChunk" && event.id === profile.id && event.pid === pid);
    for (const chunk of chunks) {
      const data = chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const samples = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      samples.forEach((node, index) => {
        time += deltas[index] ?? 0;
        sampleTimes.push(time);
        sampleNodes.push(node);
      });
    }
  }
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const result = !!node && ((node.callFrame.url ?? "").startsWith(ourUrlPrefix) || (node.parent !== undefined && isOurs(node.parent)));
    ours.set(id, result);
    return result;
  };
  // Each sample stands for the time until the next one (at most 2 ms: a gap is idle time, not ours).
  const weights = sampleTimes.map((time, index) => Math.min((sampleTimes[index + 1] ?? time) - time, 2_000));
  let oursTotal = 0;
  sampleNodes.forEach((node, index) => {
    if (isOurs(node)) oursTotal += weights[index]!;
  });

  const tasks = onThread
    .filter((event) => event.ph === "X" && (event.name === "RunTask" || event.name === "ThreadControllerImpl::RunTask") && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  // The same task can be logged under both names: keep the outermost.
  const outer: TraceEvent[] = [];
  for (const task of tasks) {
    const last = outer.at(-1);
    if (last && task.ts < last.ts + last.dur!) continue;
    outer.push(task);
  }
  const origin0 = onThread.reduce((min, event) => Math.min(min, event.ts), Number.POSITIVE_INFINITY);
  let cursor = 0;
  const shares = outer.map((task) => {
    let oursUs = 0;
    while (cursor < sampleTimes.length && sampleTimes[cursor]! < task.ts) cursor += 1;
    for (let index = cursor; index < sampleTimes.length && sampleTimes[index]! < task.ts + task.dur!; index += 1) {
      if (isOurs(sampleNodes[index]!)) oursUs += weights[index]!;
    }
    const where = new Map<string, number>();
    for (let index = cursor; index < sampleTimes.length && sampleTimes[index]! < task.ts + task.dur!; index += 1) {
      if (!isOurs(sampleNodes[index]!)) continue;
      const leaf = nodes.get(sampleNodes[index]!);
      let frame = leaf;
      while (frame && !(frame.callFrame.url ?? "").startsWith(ourUrlPrefix) && frame.parent !== undefined) frame = nodes.get(frame.parent);
      const at = frame ? `${frame.callFrame.functionName || "(anonymous)"} ${(frame.callFrame.url ?? "").split("/").at(-1)}:${(frame.callFrame.lineNumber ?? 0) + 1}:${(frame.callFrame.columnNumber ?? 0) + 1}` : "?";
      const calling = leaf && leaf !== frame ? ` → ${leaf.callFrame.functionName || "(native)"}` : "";
      where.set(at + calling, (where.get(at + calling) ?? 0) + weights[index]!);
    }
    const oursWhere = [...where.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([at, us]) => `${at} ${(us / 1000).toFixed(1)} ms`);
    const ourEvents = onThread
      .filter((event) => event.ph === "X" && event.ts >= task.ts && event.ts < task.ts + task.dur! && eventUrl(event).startsWith(ourUrlPrefix))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 4)
      .map((event) => `${event.name} ${eventUrl(event).split("/").at(-1)} ${((event.dur ?? 0) / 1000).toFixed(1)} ms`);
    const inside = onThread.filter((event) => event !== task && event.ph === "X" && event.ts >= task.ts && event.ts < task.ts + task.dur! && !/RunTask|StackGuard|HandleInterrupts|^V8\.GC_/.test(event.name));
    const timer = inside.some((event) => event.name === "TimerFire");
    const label = inside
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 5)
      .map((event) => `${event.name}${eventUrl(event) ? ` ${eventUrl(event).split("/").at(-1)}` : ""} ${((event.dur ?? 0) / 1000).toFixed(1)}`)
      .join(", ");
    return { startMs: (task.ts - origin0) / 1000, durationMs: task.dur! / 1000, cpuMs: Number(task.tdur ?? 0) / 1000, oursMs: oursUs / 1000, oursWhere, ourEvents, timer, label };
  });
  const gaps = sampleTimes.slice(1).map((time, index) => time - sampleTimes[index]!).sort((a, b) => a - b);
  return { tasks: shares, rendering: renderingWork(onThread, ourUrlPrefix), oursTotalMs: oursTotal / 1000, samples: sampleTimes.length, sampleIntervalMs: (gaps[Math.floor(gaps.length / 2)] ?? 0) / 1000 };
}

/** Layout and style work on one thread, and the layouts our own calls forced (nested in an event naming our script). */
export function renderingWork(onThread: TraceEvent[], ourUrlPrefix: string): RenderingWork {
  const origin = onThread.reduce((min, event) => Math.min(min, event.ts), Number.POSITIVE_INFINITY);
  const complete = onThread.filter((event) => event.ph === "X" && event.dur !== undefined);
  const layouts = complete.filter((event) => event.name === "Layout");
  const ourCalls = complete.filter((event) => eventUrl(event).startsWith(ourUrlPrefix));
  const inOurCall = (event: TraceEvent) => ourCalls.some((call) => event.ts >= call.ts && event.ts < call.ts + call.dur!);
  const objects = (event: TraceEvent) => Number((event.args?.beginData as { totalObjects?: number } | undefined)?.totalObjects ?? 0);
  const dirty = (event: TraceEvent) => Number((event.args?.beginData as { dirtyObjects?: number } | undefined)?.dirtyObjects ?? 0);
  const sum = (events: TraceEvent[], field: "dur" | "tdur") => events.reduce((total, event) => total + Number(event[field] ?? 0), 0) / 1000;
  const largest = layouts.reduce((most, event) => Math.max(most, objects(event)), 0);
  return {
    layoutMs: sum(layouts, "dur"),
    layoutCpuMs: sum(layouts, "tdur"),
    layouts: layouts.length,
    largestLayoutObjects: largest,
    wholePageLayouts: layouts.filter((event) => dirty(event) >= 0.9 * largest).length,
    layoutForcedByOursMs: sum(layouts.filter(inOurCall), "dur"),
    styleMs: sum(complete.filter((event) => event.name === "UpdateLayoutTree"), "dur"),
    styleCpuMs: sum(complete.filter((event) => event.name === "UpdateLayoutTree"), "tdur"),
    each: layouts.map((event) => {
      const begin = event.args?.beginData as { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean } | undefined;
      return `${((event.ts - origin) / 1000).toFixed(0)}: ${(event.dur! / 1000).toFixed(1)}/${(Number(event.tdur ?? 0) / 1000).toFixed(1)} ms ${begin?.dirtyObjects ?? "?"}/${begin?.totalObjects ?? "?"}${begin?.partialLayout ? " partial" : ""}`;
    }),
  };
}
