import { describe, expect, it } from "vitest";
import { outlookSelectors } from "../../extension/sites/outlook-selectors.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

/**
 * Every alternative of every Outlook selector, run on saved pages, with the
 * number of elements it must match on each, zero included: the real 2025
 * reading pane and list row, and our pages in the current markup (reading
 * pane at the bottom, a conversation of three messages, a popped-out
 * window). A selector added to the table without its counts here fails.
 */
const pages = {
  /** real: Outlook.com's reading pane, one message (2025). */
  pane2025: () => loadFixture(realFixture("outlook-2025-reading-pane.html")),
  /** real: the selected message-list row of the same page. */
  row2025: () => loadFixture(realFixture("outlook-2025-message-list-row.html")),
  /** synthetic: folder pane, list, and the reading pane below it with one message. */
  bottom: () => loadFixture(ownFixture("outlook-2026-reading-pane-bottom.html")),
  /** synthetic: a conversation of three messages (one collapsed) in the pane on the right. */
  conversation: () => loadFixture(ownFixture("outlook-2026-conversation.html")),
  /** synthetic: a message popped out into its own window: no list, no folder pane. */
  popout: () => loadFixture(ownFixture("outlook-2026-popout.html")),
};
type Page = keyof typeof pages;

const expected: Record<string, Record<Page, number>> = {
  '[data-app-section="MailReadCompose"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 1, popout: 1 },
  "#ReadingPaneContainerId": { pane2025: 1, row2025: 0, bottom: 1, conversation: 1, popout: 1 },
  // Older builds' attribute: on none of these pages, kept until reviewed (2027-12).
  '[data-automationid="ReadingPaneContainer"]': { pane2025: 0, row2025: 0, bottom: 0, conversation: 0, popout: 0 },
  '[role="heading"][aria-level="2"] span[title]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 1, popout: 1 },
  '[role="heading"][aria-level="2"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 1, popout: 1 },
  // Three messages and Outlook's empty first child (not a message: it has no sender line).
  '[data-app-section="ConversationContainer"] > div': { pane2025: 0, row2025: 0, bottom: 0, conversation: 4, popout: 0 },
  '[data-app-section="ItemContainer"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 0, popout: 1 },
  // The collapsed message has one too (the name only); list rows have none.
  "span.OZZZK": { pane2025: 1, row2025: 0, bottom: 1, conversation: 3, popout: 1 },
  '[data-automationid="From"]': { pane2025: 0, row2025: 0, bottom: 0, conversation: 0, popout: 0 },
  '[role="button"][aria-label^="From:"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 2, popout: 1 },
  '[data-testid="RecipientWell"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 2, popout: 1 },
  '[role="edit"][aria-label^="To:"], [role="edit"][aria-label^="Cc:"]': { pane2025: 1, row2025: 0, bottom: 2, conversation: 3, popout: 1 },
  '[data-testid="SentReceivedSavedTime"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 2, popout: 1 },
  '[id^="UniqueMessageBody"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 2, popout: 1 },
  '[role="document"]': { pane2025: 1, row2025: 0, bottom: 1, conversation: 2, popout: 1 },
  // One reply header and one blockquote, in two messages.
  '[id$="divRplyFwdMsg"], blockquote': { pane2025: 0, row2025: 0, bottom: 0, conversation: 2, popout: 0 },
  '[id$="appendonsend"]': { pane2025: 0, row2025: 0, bottom: 0, conversation: 1, popout: 0 },
  '[role="option"][aria-selected="true"][data-convid]': { pane2025: 0, row2025: 1, bottom: 1, conversation: 1, popout: 0 },
  '[id^="primaryMailboxRoot_"][title*="@"]': { pane2025: 0, row2025: 0, bottom: 1, conversation: 1, popout: 0 },
};

const alternatives = Object.entries(outlookSelectors).flatMap(([name, list]) => list.map((selector) => ({ name, selector })));

describe("the Outlook selector table on saved pages", () => {
  it("has expected counts for exactly the selectors in the table", () => {
    expect(alternatives.map((entry) => entry.selector).sort()).toEqual(Object.keys(expected).sort());
  });

  const loaded = Object.fromEntries(Object.entries(pages).map(([page, load]) => [page, load()])) as Record<Page, Document>;
  const cases = alternatives.flatMap(({ name, selector }) =>
    (Object.keys(pages) as Page[]).map((page) => ({ name, selector, page, count: expected[selector]?.[page] })),
  );

  it.each(cases)("$name $selector matches $count on $page", ({ selector, page, count }) => {
    expect(loaded[page].querySelectorAll(selector).length).toBe(count);
  });

  it("every entry the real page can show finds it there, not only on our own pages", () => {
    const real: Page[] = ["pane2025", "row2025"];
    // No real capture of a conversation, of quoted replies, or of the folder pane exists (real/README.md).
    const notOnRealPages = new Set(["quotedText", "replyMarker", "ownMailbox"]);
    for (const [name, list] of Object.entries(outlookSelectors)) {
      const found = list.some((selector) => real.some((page) => loaded[page].querySelectorAll(selector).length > 0));
      expect(found, name).toBe(!notOnRealPages.has(name));
    }
  });
});
