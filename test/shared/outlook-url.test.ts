import { describe, expect, it } from "vitest";
import { outlookItemFromUrl, outlookPageKey } from "../../shared/outlook-url.ts";

// The conversation id of the real 2025 list row (test/extension/fixtures/real/outlook-2025-message-list-row.html), URL-encoded as Outlook puts it in the address.
const convId = "AQQkADAwATM0MDAAMi04ZTI5LTRmNjUtMDACLTAwCgAQAJr5qba978hCoYLaodB+3Lo=";
const encoded = encodeURIComponent(convId);

describe("outlookItemFromUrl", () => {
  it.each([
    [`https://outlook.office.com/mail/inbox/id/${encoded}`, false],
    [`https://outlook.office365.com/mail/inbox/id/${encoded}`, false],
    [`https://outlook.live.com/mail/0/inbox/id/${encoded}`, false],
    [`https://outlook.office.com/mail/id/${encoded}`, false],
    [`https://outlook.office.com/mail/search/id/${encoded}`, false],
    [`https://outlook.office.com/mail/AAMkADAwATM0MDAAMS1iNmFkLWRmZmMtMDACLTAwCgAuAAAD/id/${encoded}`, false],
    [`https://outlook.office.com/mail/deeplink/read/${encoded}?ItemID=ignored`, true],
    [`https://outlook.live.com/mail/0/deeplink/read/${encoded}`, true],
    [`https://outlook.office.com/mail/deeplink?ItemID=${encoded}&exvsurl=1&viewmodel=ReadMessageItem`, true],
  ])("reads the item of %s", (href, poppedOut) => {
    expect(outlookItemFromUrl(href)).toEqual({ itemId: convId, poppedOut });
  });

  it.each([
    "https://outlook.office.com/mail/",
    "https://outlook.office.com/mail/inbox",
    "https://outlook.live.com/mail/0/",
    "https://outlook.office.com/mail/deeplink/compose",
    `https://outlook.office.com/mail/deeplink/compose?ItemID=${encoded}`,
    "https://outlook.office.com/calendar/view/week",
    `https://outlook.office.com/calendar/item/${encoded}`,
    `https://mail.google.com/mail/id/${encoded}`,
    // A folder named "id" followed by something short is not an item.
    "https://outlook.office.com/mail/id/Partners",
    "https://outlook.office.com/mail/inbox/id/%E0%A4%A",
    "not a url",
  ])("reads no item from %s", (href) => {
    expect(outlookItemFromUrl(href)).toBeNull();
  });
});

describe("outlookPageKey", () => {
  it("keys the item by host and account, so two mailboxes' ids never share a cache entry", () => {
    expect(outlookPageKey(`https://outlook.live.com/mail/0/inbox/id/${encoded}`)).toBe(`outlook:outlook.live.com/0#${convId}`);
    expect(outlookPageKey(`https://outlook.live.com/mail/1/inbox/id/${encoded}`)).toBe(`outlook:outlook.live.com/1#${convId}`);
    expect(outlookPageKey(`https://outlook.office.com/mail/inbox/id/${encoded}`)).toBe(`outlook:outlook.office.com/#${convId}`);
  });

  it("keys the same item the same from any folder or window", () => {
    const keys = [`/mail/inbox/id/${encoded}`, `/mail/sentitems/id/${encoded}`, `/mail/deeplink/read/${encoded}`].map((path) => outlookPageKey(`https://outlook.office.com${path}`));
    expect(new Set(keys).size).toBe(1);
  });

  it("has no key for a list", () => {
    expect(outlookPageKey("https://outlook.office.com/mail/inbox")).toBeNull();
  });
});
