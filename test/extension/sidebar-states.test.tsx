import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Sidebar } from "../../extension/sidebar/Sidebar.tsx";
import { collapsed, lookupState, noPeople, pageContext } from "../../extension/sidebar/store.ts";
import { unreadable } from "../../extension/sites/page-context.ts";

/** "Couldn't read this page" and "no partner here" are different states, and the sidebar says which. */
let host: HTMLElement;
beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
  collapsed.value = false;
  lookupState.value = { status: "ready", data: { matches: [] }, fromCache: false, fetchedAt: null, error: null, people: noPeople };
});
afterEach(() => {
  render(null, host);
  host.remove();
  pageContext.value = null;
});

const page = { sourceUrl: "https://mail.google.com/mail/u/0/#inbox/T", people: [], ownAddress: null, link: null };
const shown = () => {
  render(<Sidebar page={page} unknownCompany={null} onToggle={() => undefined} />, host);
  return host.textContent ?? "";
};

describe("the sidebar's page states", () => {
  it("names the selector that stopped matching when the page can't be read", () => {
    pageContext.value = unreadable("gmail", "message", ["div.adn[data-message-id]", "div.adn"]);
    const text = shown();
    expect(text).toContain("Mutual couldn't read this page (unreadable: gmail message (div.adn[data-message-id] | div.adn))");
    expect(text).not.toContain("Nobody here is from a partner company");
  });

  it("says nobody here is from a partner on a thread read in full with no match", () => {
    pageContext.value = {
      kind: "email", site: "gmail", threadId: "T", messageIds: ["m"], subject: null, ownAddress: null, emails: ["bob@gmail.com"], url: page.sourceUrl,
    };
    const text = shown();
    expect(text).toContain("Nobody here is from a partner company.");
    expect(text).not.toContain("couldn't read");
  });

  it("asks for a thread or an Account on a page that shows neither", () => {
    pageContext.value = { kind: "nothing-to-show", site: "gmail" };
    expect(shown()).toContain("Open an email thread or a partner's Account");
  });
});
