/**
 * "Log as promise" from text selected in a message: what the content script
 * hands the sidebar's frame (over their port, frame-link.ts), and the
 * message the context-menu item sends the tab.
 */
export interface SelectedSentence {
  /** Unique per request: the frame acts on each once, even if the port replays it. */
  id: string;
  /** The selected words, as the page shows them (text only, never markup). */
  text: string;
  /** The message they were selected in, as its header shows it; null when outside a message. */
  messageId: string | null;
  timeText: string | null;
  from: string | null;
}

/** From the background's context-menu item to the tab: log the current selection as a promise. */
export const promiseFromSelectionMessage = { type: "promiseFromSelection" } as const;
