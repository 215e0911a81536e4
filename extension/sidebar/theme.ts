import { effect, signal } from "@preact/signals";
import { sidebarTheme } from "../../shared/page-theme.ts";

/** Whether the host page is dark, as its content script last said (null: it doesn't say). */
export const pageDark = signal<boolean | null>(null);

/** Keeps the frame's data-theme (sidebar.css) on the page's theme, or the system's when the page has none. */
export function followTheme(root: HTMLElement): void {
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const systemDark = signal(system.matches);
  system.addEventListener("change", () => (systemDark.value = system.matches));
  effect(() => {
    root.dataset.theme = sidebarTheme(pageDark.value, systemDark.value);
  });
}
