import { describe, expect, it } from "vitest";
import { gmailSelectors } from "../../extension/sites/gmail-selectors.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

/**
 * Every alternative of every Gmail selector, run on saved pages, with the
 * number of elements it must match on each, zero included: a zero is a
 * negative case (the 2014 inbox's list rows are not messages), a count a
 * positive one. A selector added to the table without its counts here fails.
 */
const pages = {
  /** synthetic: our 2026-layout thread page, with a hidden inbox list and a chat roster to ignore. */
  current2026: () => loadFixture(ownFixture("gmail-2026-thread-open.html")),
  /** real: InboxSDK's saved 2014 inbox, thread list only. */
  inbox2014: () => loadFixture(realFixture("gmail-2014-inbox-thread-list.html")),
  /** real: InboxSDK's 2017 add-on sidebar fragment, no main pane. */
  addon2017: () => loadFixture(realFixture("gmail-2017-addon-sidebar.html")),
  /** real, reduced by its source: defuddle's six-message 2022+ thread. */
  thread2022: () => loadFixture(realFixture("gmail-2022-thread-reduced.html")),
};
type Page = keyof typeof pages;

const expected: Record<string, Record<Page, number>> = {
  "div[role=main]": { current2026: 1, inbox2014: 1, addon2017: 0, thread2022: 1 },
  "h2[data-thread-perm-id]": { current2026: 1, inbox2014: 0, addon2017: 0, thread2022: 0 },
  "h2[data-legacy-thread-id]": { current2026: 1, inbox2014: 0, addon2017: 0, thread2022: 1 },
  "h2.hP": { current2026: 1, inbox2014: 0, addon2017: 0, thread2022: 1 },
  "div.adn[data-message-id]": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 6 },
  "div[data-message-id]": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 6 },
  "div.adn": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 6 },
  // Everywhere Gmail shows a person, list rows and chat included: read only inside messages.
  "span[email]": { current2026: 14, inbox2014: 31, addon2017: 0, thread2022: 9 },
  "h3.iw span[email].gD": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 0 },
  "td.gF span[email]": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 0 },
  "span.gD[email]": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 6 },
  ".hb span[email].g2": { current2026: 6, inbox2014: 0, addon2017: 0, thread2022: 3 },
  "div.a3s": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 6 },
  "span.g3[title]": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 6 },
  "td.gH span[title]": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 0 },
  // One quote block per reply, in both threads (the 2022 one nests a blockquote in a gmail_quote).
  "div.gmail_quote, blockquote, div.gmail_attr": { current2026: 3, inbox2014: 0, addon2017: 0, thread2022: 6 },
  "div.a6S": { current2026: 0, inbox2014: 0, addon2017: 0, thread2022: 1 },
};

const alternatives = Object.entries(gmailSelectors).flatMap(([name, list]) => list.map((selector) => ({ name, selector })));

describe("the Gmail selector table on saved pages", () => {
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

  it("every entry finds what it is for on a real page, not only on our own", () => {
    const realPages: Page[] = ["inbox2014", "addon2017", "thread2022"];
    for (const [name, list] of Object.entries(gmailSelectors)) {
      const found = list.some((selector) => realPages.some((page) => loaded[page].querySelectorAll(selector).length > 0));
      expect(found, name).toBe(true);
    }
  });
});
