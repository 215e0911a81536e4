import { signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { storage } from "wxt/utils/storage";

/** Which of the sidebar's sections are open, by name, for every partner, page and tab. */
export const foldsItem = storage.defineItem<Record<string, boolean>>("local:sidebarFolds", { fallback: {} });
const folds = signal<Record<string, boolean>>({});
void foldsItem.getValue().then((value) => (folds.value = { ...value, ...folds.value })).catch(() => undefined);
foldsItem.watch((value) => (folds.value = value ?? {}));

export interface FoldProps {
  /** The section's name in the remembered state ("referrals"). */
  name: string;
  title: string;
  /** A few words shown beside the title while it is folded ("2 open · 1 won"). */
  summary?: string;
  openByDefault?: boolean;
  children: ComponentChildren;
}

/** A section that folds, and stays as the user left it. */
export function Fold({ name, title, summary, openByDefault = false, children }: FoldProps) {
  const open = folds.value[name] ?? openByDefault;
  const toggle = (event: Event) => {
    const now = (event.currentTarget as HTMLDetailsElement).open;
    if (now === open) return;
    folds.value = { ...folds.value, [name]: now };
    void foldsItem.setValue(folds.value);
  };
  return (
    <details class="fold" open={open} onToggle={toggle}>
      <summary><span class="fold-title">{title}</span>{summary && <span class="muted fold-summary">{summary}</span>}</summary>
      {children}
    </details>
  );
}
