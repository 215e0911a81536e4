import { useEffect, useState } from "preact/hooks";
import { clearDraft, loadDraft, saveDraft } from "./drafts.ts";

/** Form state that survives the page: restored on open, saved on every change. */
export function useDraft<T extends object>(key: string, initial: () => T): [T, (change: Partial<T>) => void, () => Promise<void>, boolean] {
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let live = true;
    void loadDraft<T>(key).then((draft) => {
      if (!live) return;
      if (draft) setValue({ ...initial(), ...draft });
      setRestored(true);
    });
    return () => {
      live = false;
    };
  }, [key]);
  const update = (change: Partial<T>) => {
    setValue((current) => {
      const next = { ...current, ...change };
      saveDraft(key, next);
      return next;
    });
  };
  const clear = async () => {
    await clearDraft(key);
    setValue(initial());
  };
  return [value, update, clear, restored];
}
