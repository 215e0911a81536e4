import { describe, expect, it } from "vitest";
import { commandPlan, followTab, sidebarModeFrom, type FollowedTab, type TabEvent } from "../../shared/side-panel.ts";

describe("the sidebar's mode", () => {
  it("is the side panel only when chosen and the browser has one", () => {
    expect(sidebarModeFrom("sidePanel", true)).toBe("sidePanel");
    expect(sidebarModeFrom("sidePanel", false)).toBe("docked");
    expect(sidebarModeFrom("docked", true)).toBe("docked");
  });

  it.each([undefined, null, "", "SIDEPANEL", 1, { mode: "sidePanel" }])("is docked for anything else stored (%s)", (stored) => {
    expect(sidebarModeFrom(stored, true)).toBe("docked");
  });
});

/** Runs the events from nothing followed; returns each step's state and whether it connected. */
function run(events: TabEvent[], from: FollowedTab = { state: "none" }) {
  let current = from;
  return events.map((event) => {
    const step = followTab(current, event);
    current = step.next;
    return { state: step.next.state === "none" ? "none" : `${step.next.state} ${step.next.tabId}`, connect: step.connect, clear: step.clear };
  });
}

describe("following the active tab", () => {
  it("connects to the tab activated and shows it once its content script reports", () => {
    expect(run([{ type: "activated", tabId: 1 }, { type: "reported", tabId: 1 }])).toEqual([
      { state: "connecting 1", connect: true, clear: true },
      { state: "showing 1", connect: false, clear: false },
    ]);
  });

  it("switching tabs drops what the old tab showed and connects to the new one", () => {
    const steps = run([{ type: "activated", tabId: 1 }, { type: "reported", tabId: 1 }, { type: "activated", tabId: 2 }]);
    expect(steps[2]).toEqual({ state: "connecting 2", connect: true, clear: true });
  });

  it("ignores a late report, close or load of a tab it no longer follows", () => {
    const from: FollowedTab = { state: "showing", tabId: 2 };
    for (const event of [
      { type: "reported", tabId: 1 }, { type: "closed", tabId: 1, reported: true }, { type: "complete", tabId: 1 },
    ] satisfies TabEvent[]) {
      expect(followTab(from, event)).toEqual({ next: from, connect: false, clear: false });
    }
  });

  it("a tab with no content script of ours is unsupported, and asked again once it loads another page", () => {
    expect(run([{ type: "activated", tabId: 3 }, { type: "closed", tabId: 3, reported: false }, { type: "complete", tabId: 3 }])).toEqual([
      { state: "connecting 3", connect: true, clear: true },
      { state: "unsupported 3", connect: false, clear: true },
      { state: "connecting 3", connect: true, clear: false },
    ]);
  });

  it("a page left for another document is read again once that has loaded; in-app navigation keeps the port", () => {
    const from: FollowedTab = { state: "showing", tabId: 4 };
    expect(followTab(from, { type: "complete", tabId: 4 })).toEqual({ next: from, connect: false, clear: false });
    expect(run([{ type: "closed", tabId: 4, reported: true }, { type: "complete", tabId: 4 }, { type: "reported", tabId: 4 }], from)).toEqual([
      { state: "loading 4", connect: false, clear: true },
      { state: "connecting 4", connect: true, clear: false },
      { state: "showing 4", connect: false, clear: false },
    ]);
  });

  it("activating the tab already shown changes nothing; an unsupported one is asked again", () => {
    expect(followTab({ state: "showing", tabId: 5 }, { type: "activated", tabId: 5 }).connect).toBe(false);
    expect(followTab({ state: "unsupported", tabId: 5 }, { type: "activated", tabId: 5 }).connect).toBe(true);
  });
});

describe("the keyboard command", () => {
  it("toggles the docked sidebar when docked, opens the side panel in that mode, and tries both before the mode is known", () => {
    expect(commandPlan("docked")).toEqual({ openPanel: false, toggleDocked: true });
    expect(commandPlan("sidePanel")).toEqual({ openPanel: true, toggleDocked: false });
    expect(commandPlan(null)).toEqual({ openPanel: true, toggleDocked: true });
  });
});
