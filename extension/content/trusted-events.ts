/**
 * The sidebar acts only on what the user does. Events a script makes
 * (`element.click()`, `dispatchEvent`) have `isTrusted` false; they are
 * stopped at the sidebar's root, before any of its handlers, and their
 * default action (a form's submission, a button's click) is cancelled.
 *
 * A closed shadow root already keeps the page from reaching the sidebar's
 * elements; this is the second wall, for whatever could (another extension,
 * a future change that opens the root).
 */
const actions = [
  "click", "dblclick", "auxclick", "contextmenu", "mousedown", "mouseup", "pointerdown", "pointerup",
  "submit", "reset", "keydown", "keyup", "keypress", "paste", "drop",
];

/**
 * Typing and picking (`input`, `change`) only change a draft, which a click
 * or Enter must still send; they stay open to scripts so that test drivers
 * can fill dates and pick options. The few controls that write as soon as
 * they change are marked with this attribute, and get the same guard.
 */
export const writesOnChange = "data-writes-on-change";

export function ignoreUntrustedEvents(root: ShadowRoot | HTMLElement): void {
  const stop = (event: Event) => {
    // form.requestSubmit() from a script makes a trusted submit event, but with no submitter: every
    // real submission here comes from a click on, or Enter towards, a submit button.
    const scriptedSubmit = event.type === "submit" && (event as SubmitEvent).submitter === null;
    if (event.isTrusted && !scriptedSubmit) return;
    if (!actions.includes(event.type) && !(event.target instanceof Element && event.target.closest(`[${writesOnChange}]`))) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of [...actions, "input", "change"]) root.addEventListener(type, stop, { capture: true });
}
