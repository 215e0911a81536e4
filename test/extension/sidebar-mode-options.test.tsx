import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { sidebarModeItem } from "../../extension/messaging/side-panel-link.ts";
import { SidebarModeOptions } from "../../extension/pages/SidebarModeOptions.tsx";

/** The options page's choice of where the sidebar goes: offered only where the browser has a side panel. */
let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  delete (browser as { sidePanel?: unknown }).sidePanel;
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe("the sidebar mode option", () => {
  it("is not offered without Chrome's side panel (Firefox)", async () => {
    render(<SidebarModeOptions />, root);
    await settle();
    expect(root.innerHTML).toBe("");
  });

  it("saves the choice as it changes, docked by default, and opens the panel on a click", async () => {
    const open = vi.fn().mockResolvedValue(undefined);
    (browser as { sidePanel?: unknown }).sidePanel = { open };
    render(<SidebarModeOptions />, root);
    await settle();
    const [docked, panel] = [...root.querySelectorAll<HTMLInputElement>("input[type=radio]")];
    expect(docked!.checked).toBe(true);
    expect(root.querySelector("button")).toBeNull();
    await act(() => panel!.click());
    expect(await sidebarModeItem.getValue()).toBe("sidePanel");
    await act(() => root.querySelector("button")!.click());
    expect(open).toHaveBeenCalledTimes(1);
    await act(() => docked!.click());
    expect(await sidebarModeItem.getValue()).toBe("docked");
  });
});
