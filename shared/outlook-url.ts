/**
 * Which message or conversation an Outlook on the web URL opens, from the URL
 * alone: Outlook changes it (pushState) before it draws the reading pane, so
 * it is what the sidebar knows first. Forms seen in public extensions and
 * add-ins (docs/extension.md, "Outlook on the web"):
 *
 *   /mail/inbox/id/<id>                  a message or conversation in a folder
 *   /mail/0/inbox/id/<id>                outlook.live.com: the account's index first
 *   /mail/id/<id>, /mail/search/id/<id>  opened from search or a custom folder
 *   /mail/deeplink/read/<id>             a popped-out message window
 *   /mail/deeplink?ItemID=<id>           the older popped-out form
 *
 * The id is Exchange's (base64, URL-encoded: "AAQkAD…%3D"): an item id when
 * the reading pane shows one message, a conversation id when it shows
 * conversations. Either names what is open; the URL says which by the
 * mailbox's setting only, so both are called the item here.
 */

/** The Outlook on the web hosts the extension reads. */
export const outlookHosts: ReadonlySet<string> = new Set(["outlook.office.com", "outlook.office365.com", "outlook.live.com"]);

export interface OutlookItemRef {
  /** Exchange's id, decoded ("AAQkAD…="). */
  itemId: string;
  /** A popped-out window (deeplink) rather than the reading pane of the main window. */
  poppedOut: boolean;
}

// Exchange ids are base64 (+ / =), sometimes base64url (- _); long, never a folder name.
const exchangeIdPattern = /^[A-Za-z0-9+/=_-]{20,}$/;

function decodedId(segment: string | undefined | null): string | null {
  if (!segment) return null;
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return exchangeIdPattern.test(id) ? id : null;
}

export function outlookItemFromUrl(href: string): OutlookItemRef | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  if (!outlookHosts.has(url.hostname)) return null;
  const segments = url.pathname.split("/").filter((segment) => segment !== "");
  if (segments[0] !== "mail") return null;
  const deeplink = segments.indexOf("deeplink");
  if (deeplink >= 0) {
    // "deeplink/compose" is a new message: nothing to read.
    const action = segments[deeplink + 1];
    const id = action === "read" ? decodedId(segments.at(-1)) : null;
    const itemId = id ?? (action === undefined || action === "read" ? decodedId(url.searchParams.get("ItemID") ?? url.searchParams.get("itemid")) : null);
    return itemId ? { itemId, poppedOut: true } : null;
  }
  // The last "id" segment: a custom folder's own id may come before it.
  const idAt = segments.lastIndexOf("id");
  const itemId = idAt >= 0 ? decodedId(segments[idAt + 1]) : null;
  return itemId ? { itemId, poppedOut: false } : null;
}

/**
 * The item a URL opens, as a cache key. Ids belong to one mailbox; the host
 * and outlook.live.com's account index (/mail/0/) are part of the key.
 */
export function outlookPageKey(href: string): string | null {
  const item = outlookItemFromUrl(href);
  if (!item) return null;
  const url = new URL(href);
  const account = /^\/mail\/(\d+)\//.exec(url.pathname)?.[1] ?? "";
  return `outlook:${url.host}/${account}#${item.itemId}`;
}
