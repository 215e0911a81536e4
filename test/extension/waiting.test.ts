import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pause, pollUntil, waitForElement, waitUntil } from "../../extension/sites/waiting.ts";

let main: HTMLElement;
let outside: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  main = document.createElement("div");
  main.setAttribute("role", "main");
  outside = document.createElement("aside");
  document.body.append(main, outside);
});

afterEach(() => {
  vi.useRealTimers();
});

const message = () => {
  const element = document.createElement("div");
  element.className = "adn";
  element.dataset.messageId = "#msg-f:1";
  return element;
};
const later = (ms: number, action: () => void) => setTimeout(action, ms);
/** A wait a mutation ended resolves a task after the page's: run that task. */
const nextTask = () => vi.advanceTimersByTimeAsync(1);

/** Settles a promise's state at this fake time: "pending", or what it resolved to. */
async function state<T>(promise: Promise<T>): Promise<T | "pending"> {
  return Promise.race([promise, new Promise<"pending">((resolve) => queueMicrotask(() => queueMicrotask(() => resolve("pending"))))]);
}

describe("waitForElement", () => {
  it("resolves at once with an element already there", async () => {
    const present = message();
    main.append(present);
    await expect(waitForElement(main, ["div.adn[data-message-id]"], { timeoutMs: 50 })).resolves.toBe(present);
  });

  it("resolves when a matching element is added later, not before", async () => {
    const added = message();
    later(10, () => main.append(added));
    const waiting = waitForElement(main, ["div.adn[data-message-id]", "div.adn"], { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(9);
    expect(await state(waiting)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    await nextTask();
    expect(await waiting).toBe(added);
  });

  it("resolves when a matching element arrives inside an added subtree", async () => {
    const wrapper = document.createElement("div");
    const nested = message();
    wrapper.append(nested);
    later(10, () => main.append(wrapper));
    const waiting = waitForElement(main, ["div[data-message-id]"], { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(10);
    await nextTask();
    expect(await waiting).toBe(nested);
  });

  it("matches selectors that need the element's ancestors", async () => {
    const subject = document.createElement("h2");
    subject.className = "hP";
    later(10, () => main.append(subject));
    const waiting = waitForElement(document.body, ["div[role=main] h2.hP"], { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(10);
    await nextTask();
    expect(await waiting).toBe(subject);
  });

  it("resolves null at the timeout when nothing matches, ignoring elements that don't and matches outside its root", async () => {
    later(5, () => main.append(document.createElement("span")));
    later(6, () => outside.append(message()));
    const waiting = waitForElement(main, ["div.adn"], { timeoutMs: 40 });
    await vi.advanceTimersByTimeAsync(39);
    expect(await state(waiting)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(await waiting).toBeNull();
  });

  it("resolves null when aborted, and at once when already aborted", async () => {
    const controller = new AbortController();
    const waiting = waitForElement(main, ["div.adn"], { signal: controller.signal, timeoutMs: 10_000 });
    later(10, () => controller.abort());
    await vi.advanceTimersByTimeAsync(10);
    expect(await waiting).toBeNull();
    expect(await state(waitForElement(main, ["div.adn"], { signal: AbortSignal.abort(), timeoutMs: 10_000 }))).toBeNull();
  });

  it("doesn't resolve with an element removed again before the observer ran", async () => {
    const brief = message();
    later(5, () => {
      main.append(brief);
      brief.remove();
    });
    const waiting = waitForElement(main, ["div.adn"], { timeoutMs: 50 });
    await vi.advanceTimersByTimeAsync(50);
    expect(await waiting).toBeNull();
  });

  it("re-checks on the attributes it is told to watch, and only those", async () => {
    const hiddenView = document.createElement("div");
    hiddenView.append(message());
    main.removeAttribute("role");
    main.append(hiddenView);
    later(10, () => hiddenView.setAttribute("role", "main"));
    const revealed = waitForElement(main, ["[role=main] div.adn"], { timeoutMs: 1_000, attributeFilter: ["role"] });
    await vi.advanceTimersByTimeAsync(10);
    await nextTask();
    expect(await revealed).toBe(hiddenView.firstElementChild);

    hiddenView.removeAttribute("role");
    later(10, () => hiddenView.setAttribute("role", "main"));
    const unwatched = waitForElement(main, ["[role=main] div.adn"], { timeoutMs: 60 });
    await vi.advanceTimersByTimeAsync(60);
    expect(await unwatched).toBeNull();
  });

  it("resolves in a task after the one whose change it saw, so a read awaiting it never lengthens the page's task", async () => {
    const order: string[] = [];
    const waiting = waitForElement(main, ["div.adn"], { timeoutMs: 1_000 }).then((found) => order.push(found ? "resolved" : "null"));
    later(10, () => {
      main.append(message());
      // The page's next task, queued by the page in the task that drew the message.
      setTimeout(() => order.push("page's next task"), 0);
      queueMicrotask(() => order.push("page's microtask"));
    });
    await vi.advanceTimersByTimeAsync(10);
    await nextTask();
    await waiting;
    expect(order).toEqual(["page's microtask", "page's next task", "resolved"]);
  });

  it("resolves null for an empty selector list, and throws at once on invalid CSS", async () => {
    expect(await state(waitForElement(main, [], { timeoutMs: 1_000 }))).toBeNull();
    expect(() => waitForElement(main, ["div[["], { timeoutMs: 1_000 })).toThrow();
  });
});

describe("waitUntil", () => {
  it("stops checking once settled, whether by a match, the timeout or an abort", async () => {
    for (const end of ["match", "timeout", "abort"] as const) {
      const controller = new AbortController();
      let checks = 0;
      let ready = false;
      const waiting = waitUntil(main, () => (++checks, ready ? "ready" : null), { signal: controller.signal, timeoutMs: 100 });
      if (end === "match") ready = true;
      main.append(document.createElement("p"));
      await vi.advanceTimersByTimeAsync(end === "timeout" ? 100 : 0);
      if (end === "abort") controller.abort();
      expect(await waiting).toBe(end === "match" ? "ready" : null);
      const settledAt = checks;
      main.append(document.createElement("p"));
      await vi.advanceTimersByTimeAsync(200);
      expect(checks).toBe(settledAt);
      expect(vi.getTimerCount()).toBe(0);
    }
  });
});

describe("pollUntil", () => {
  it("asks at once, then every interval, until an answer", async () => {
    let checks = 0;
    const polling = pollUntil(() => (++checks >= 3 ? "found" : null), { timeoutMs: 1_000, intervalMs: 250 });
    expect(checks).toBe(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(await state(polling)).toBe("pending");
    await vi.advanceTimersByTimeAsync(250);
    expect(await polling).toBe("found");
    expect(checks).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives up with null at the timeout or on abort, leaving no timer", async () => {
    const timedOut = pollUntil(() => null, { timeoutMs: 1_000, intervalMs: 250 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await timedOut).toBeNull();
    const controller = new AbortController();
    const aborted = pollUntil(() => null, { signal: controller.signal, timeoutMs: 10_000, intervalMs: 250 });
    controller.abort();
    expect(await aborted).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("pause", () => {
  it("waits its time, or ends early when aborted", async () => {
    const waiting = pause(300);
    await vi.advanceTimersByTimeAsync(299);
    expect(await state(waiting)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(await state(waiting)).toBeUndefined();
    const controller = new AbortController();
    const cut = pause(10_000, controller.signal);
    controller.abort();
    expect(await state(cut)).toBeUndefined();
  });
});
