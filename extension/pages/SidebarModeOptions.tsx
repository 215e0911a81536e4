import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { sidebarModeFrom, type SidebarMode } from "../../shared/side-panel.ts";
import { sidebarModeItem } from "../messaging/side-panel-link.ts";

/**
 * The options page's "Where the sidebar goes": docked on the page, or in
 * Chrome's side panel. Saved as it changes; open tabs follow at once (their
 * content scripts and the background watch the setting). Not shown where
 * the browser has no side panel (Firefox): the sidebar is docked there.
 */
interface SidePanelOpener {
  open(options: { windowId: number }): Promise<void>;
}

function sidePanel(): SidePanelOpener | undefined {
  return (browser as unknown as { sidePanel?: SidePanelOpener }).sidePanel;
}

export function SidebarModeOptions() {
  const [mode, setMode] = useState<SidebarMode | null>(null);
  const opener = sidePanel();
  useEffect(() => {
    if (opener) void sidebarModeItem.getValue().then((stored) => setMode(sidebarModeFrom(stored, true)));
  }, []);
  if (!opener || !mode) return null;
  const choose = (next: SidebarMode) => {
    setMode(next);
    void sidebarModeItem.setValue(next);
  };
  // Called in the click's own task: Chrome opens the panel only in answer to the user's gesture.
  const openNow = () => void opener.open({ windowId: browser.windows.WINDOW_ID_CURRENT }).catch(() => undefined);
  return (
    <section aria-labelledby="sidebar-mode-heading">
      <h2 id="sidebar-mode-heading">Where the sidebar goes</h2>
      <label class="check">
        <input type="radio" name="sidebar-mode" value="docked" checked={mode === "docked"} onChange={() => choose("docked")} />
        Docked on the page: the page makes room for it at its right edge
      </label>
      <label class="check">
        <input type="radio" name="sidebar-mode" value="sidePanel" checked={mode === "sidePanel"} onChange={() => choose("sidePanel")} />
        In Chrome's side panel: the page keeps its whole width, and the panel shows the partner of the tab you are on
      </label>
      <p class="muted">
        Open tabs follow at once, without a reload. In the side panel, open or close it with Alt+Shift+M or from Chrome's side panel menu.
        A tab that was open before Mutual was installed or updated needs a reload either way.
      </p>
      {mode === "sidePanel" && <button type="button" onClick={openNow}>Open the side panel</button>}
    </section>
  );
}
