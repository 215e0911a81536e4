/**
 * Makes room for the sidebar at the right edge of the host page, so it never
 * covers the page's own controls: the page's root box is narrowed by the
 * sidebar's width and the page lays itself out in what is left, as it does
 * for a narrower window. Set at document_start, before the page has laid
 * out anything, so its first layout is already at the narrower width: set
 * after Gmail has laid out thousands of rows, it would lay them all out
 * again. The width changes only when the user opens or collapses the
 * sidebar; the page's own inline style is put back on removal.
 */
export interface ReservedSpace {
  set(widthPx: number): void;
  release(): void;
}

export function reserveSpace(root: HTMLElement = document.documentElement): ReservedSpace {
  const before = { value: root.style.getPropertyValue("margin-right"), priority: root.style.getPropertyPriority("margin-right") };
  let current: number | null = null;
  return {
    set(widthPx) {
      if (current === widthPx) return;
      current = widthPx;
      // !important: the host's own stylesheet may set a margin on its root.
      root.style.setProperty("margin-right", `${widthPx}px`, "important");
    },
    release() {
      current = null;
      if (before.value) root.style.setProperty("margin-right", before.value, before.priority);
      else root.style.removeProperty("margin-right");
    },
  };
}
