// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { waitForElement } from "../../extension/sites/wait-for-element.ts";

let main: HTMLElement;
let outside: HTMLElement;

beforeEach(() => {
  document.body.replaceChildren();
  main = document.createElement("div");
  main.setAttribute("role", "main");
  outside = document.createElement("aside");
  document.body.append(main, outside);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const message = () => {
  const element = document.createElement("div");
  element.className = "adn";
  element.dataset.messageId = "#msg-f:1";
  return element;
};
const later = (ms: number, action: () => void) => setTimeout(action, ms);

describe("waitForElement", () => {
  it("resolves at once with an element already there", async () => {
    const present = message();
    main.append(present);
    await expect(waitForElement(main, ["div.adn[data-message-id]"], { timeoutMs: 50 })).resolves.toBe(present);
  });

  it("resolves when a matching element is added later", async () => {
    const added = message();
    later(10, () => main.append(added));
    await expect(waitForElement(main, ["div.adn[data-message-id]", "div.adn"], { timeoutMs: 1_000 })).resolves.toBe(added);
  });

  it("resolves when a matching element arrives inside an added subtree", async () => {
    const wrapper = document.createElement("div");
    const nested = message();
    wrapper.append(nested);
    later(10, () => main.append(wrapper));
    await expect(waitForElement(main, ["div[data-message-id]"], { timeoutMs: 1_000 })).resolves.toBe(nested);
  });

  it("matches selectors that need the element's ancestors", async () => {
    const subject = document.createElement("h2");
    subject.className = "hP";
    later(10, () => main.append(subject));
    await expect(waitForElement(document.body, ["div[role=main] h2.hP"], { timeoutMs: 1_000 })).resolves.toBe(subject);
  });

  it("resolves null after the timeout when nothing matches, ignoring elements that don't", async () => {
    later(5, () => main.append(document.createElement("span")));
    const started = Date.now();
    await expect(waitForElement(main, ["div.adn"], { timeoutMs: 40 })).resolves.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("resolves null when aborted, and at once when already aborted", async () => {
    const controller = new AbortController();
    const waiting = waitForElement(main, ["div.adn"], { signal: controller.signal, timeoutMs: 10_000 });
    later(10, () => controller.abort());
    await expect(waiting).resolves.toBeNull();

    const observe = vi.spyOn(MutationObserver.prototype, "observe");
    await expect(waitForElement(main, ["div.adn"], { signal: AbortSignal.abort(), timeoutMs: 10_000 })).resolves.toBeNull();
    expect(observe).not.toHaveBeenCalled();
  });

  it("observes only the given root, for child lists only, and ignores matches elsewhere", async () => {
    const observe = vi.spyOn(MutationObserver.prototype, "observe");
    later(5, () => outside.append(message()));
    await expect(waitForElement(main, ["div.adn"], { timeoutMs: 50 })).resolves.toBeNull();
    expect(observe).toHaveBeenCalledTimes(1);
    expect(observe).toHaveBeenCalledWith(main, { childList: true, subtree: true });
  });

  it("disconnects on match, timeout and abort", async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, "disconnect");
    later(5, () => main.append(message()));
    await waitForElement(main, ["div.adn"], { timeoutMs: 1_000 });
    await waitForElement(main, ["h2.hP"], { timeoutMs: 10 });
    const controller = new AbortController();
    later(5, () => controller.abort());
    await waitForElement(main, ["h2.hP"], { signal: controller.signal, timeoutMs: 1_000 });
    expect(disconnect).toHaveBeenCalledTimes(3);
  });

  it("doesn't resolve with an element removed again before the observer ran", async () => {
    const brief = message();
    later(5, () => {
      main.append(brief);
      brief.remove();
    });
    await expect(waitForElement(main, ["div.adn"], { timeoutMs: 50 })).resolves.toBeNull();
  });

  it("re-checks on the attributes it is told to watch, and only those", async () => {
    const hiddenView = document.createElement("div");
    hiddenView.append(message());
    main.removeAttribute("role");
    main.append(hiddenView);
    const observe = vi.spyOn(MutationObserver.prototype, "observe");
    later(10, () => hiddenView.setAttribute("role", "main"));
    await expect(waitForElement(main, ["[role=main] div.adn"], { timeoutMs: 1_000, attributeFilter: ["role"] })).resolves.toBe(hiddenView.firstElementChild);
    expect(observe).toHaveBeenCalledWith(main, { childList: true, subtree: true, attributeFilter: ["role"] });

    hiddenView.removeAttribute("role");
    later(10, () => hiddenView.setAttribute("role", "main"));
    await expect(waitForElement(main, ["[role=main] div.adn"], { timeoutMs: 60 })).resolves.toBeNull();
  });

  it("resolves null for an empty selector list", async () => {
    await expect(waitForElement(main, [], { timeoutMs: 1_000 })).resolves.toBeNull();
  });
});
