import type { ContentScriptContext } from "wxt/utils/content-script-context";

/**
 * A content script's context for the controller's tests: valid until `end`,
 * which runs what was registered with onInvalidated as WXT does. Listeners
 * and timers are accepted and never fire.
 */
export function fakeContentContext(): { ctx: ContentScriptContext; end: () => void } {
  const controller = new AbortController();
  const onEnd: (() => void)[] = [];
  const ctx = {
    get isValid() { return !controller.signal.aborted; },
    signal: controller.signal,
    onInvalidated: (fn: () => void) => onEnd.push(fn),
    addEventListener: () => undefined,
    setTimeout: () => 0,
    requestAnimationFrame: () => 0,
    requestIdleCallback: () => 0,
  } as unknown as ContentScriptContext;
  return { ctx, end: () => { controller.abort(); onEnd.forEach((fn) => fn()); } };
}
