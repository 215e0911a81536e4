/**
 * Salesforce Lightning: which Account is on screen, its name and its website.
 *
 * The URL is the stable signal: it alone decides whether this is an Account
 * record and which one. The DOM only adds the display name and the website,
 * and either may be null (not rendered yet, field not on the layout).
 * readSalesforcePage is pure DOM reading (text and attributes only);
 * createSalesforceAdapter adds the waiting after pushState navigations.
 *
 * When is a page "unreadable"? Only when the URL is a Lightning record page
 * (/lightning/…, /one/one.app) and none of salesforceSelectors.recordFrame is
 * present, even after waiting: then Lightning's markup has changed beyond
 * what we know. Classic and Visualforce URLs have no Lightning frame by
 * design: the record id from the URL is still returned, name and website null.
 *
 * Try it: https://<org>.lightning.force.com/lightning/r/Account/<id>/view,
 * then another Account from the list, then a Contact (nothing to show).
 */
import { isAccountRecord, salesforceRecordFromUrl } from "../../shared/salesforce-url.ts";
import { websiteHost } from "../../shared/website-host.ts";
import { firstDeepMatch, deepQueryPath } from "./deep-query.ts";
import { unreadable, type PageContext, type RecordContext } from "./page-context.ts";
import { cleanText, flatText } from "./page-text.ts";
import { renderWaitMs, type HostPage, type SiteAdapter } from "./site-adapter.ts";
import { lightningTitlePattern, salesforceDeepPaths, salesforceSelectors } from "./salesforce-selectors.ts";
import { pause, pollUntil, waitForElement } from "./waiting.ts";

/** The Account a Salesforce URL opens, as a cache key (ids are unique within an org, whose host is part of it). */
export function salesforcePageKey(href: string): string | null {
  const record = salesforceRecordFromUrl(href);
  if (!record || !isAccountRecord(record)) return null;
  return `salesforce:${new URL(href).host}/${record.recordId}`;
}

const asPaths = (selectors: readonly string[]) => selectors.map((selector) => [selector]);

export function readSalesforcePage(doc: Document, location: { href: string }): PageContext {
  const record = salesforceRecordFromUrl(location.href);
  if (!record || !isAccountRecord(record)) return { kind: "nothing-to-show", site: "salesforce" };

  const visibleTab = firstDeepMatch(doc, asPaths(salesforceSelectors.visibleTab));
  const frame = visibleTab ?? firstDeepMatch(doc, asPaths(salesforceSelectors.recordFrame));
  if (!frame && isLightningUrl(location.href)) return unreadable("salesforce", "recordFrame", salesforceSelectors.recordFrame);

  // Without a visible tab, the document is the only scope; with one, earlier
  // (hidden) tabs are left out so another Account's name is never read.
  const scope: ParentNode = visibleTab ?? doc;
  const nameElement = firstDeepMatch(scope, salesforceDeepPaths.recordName);
  return {
    kind: "record",
    site: "salesforce",
    crm: "salesforce",
    recordId: record.recordId,
    // isAccountRecord also accepts ids with the Account key prefix (001) when the URL names no object.
    objectName: record.objectName ?? "Account",
    name: cleanText(nameElement ? flatText(nameElement) : null) ?? nameFromTitle(doc.title),
    websiteDomain: readWebsiteDomain(scope),
    url: location.href,
  };
}

function readWebsiteDomain(scope: ParentNode): string | null {
  const field = firstDeepMatch(scope, salesforceDeepPaths.websiteField);
  if (!field) return null;
  for (const path of salesforceDeepPaths.fieldValue) {
    const value = deepQueryPath(field, path);
    if (!value) continue;
    // The link text is what the user typed; the href may have "http://" added.
    // The API matches the host through the public-suffix list; the content script stays small.
    for (const candidate of [flatText(value), value.getAttribute("href") ?? ""]) {
      const host = websiteHost(candidate);
      if (host) return host;
    }
  }
  return null;
}

function nameFromTitle(title: string): string | null {
  return cleanText(lightningTitlePattern.exec(title.trim())?.[1]);
}

function isLightningUrl(href: string): boolean {
  const { pathname } = new URL(href);
  return pathname.startsWith("/lightning/") || pathname.startsWith("/one/one.app");
}

/**
 * Salesforce in one tab. The URL names the record at once; Lightning draws it
 * a little later, in a new tab (or one it kept from before) that becomes the
 * active one, while the previous page's tab stays on screen meanwhile. Its
 * tabs live far from any small root, so tab changes are polled.
 */
export function createSalesforceAdapter({ document: doc, location }: HostPage): SiteAdapter {
  /** The Account read last, to notice a reused tab still showing it. */
  let lastRead: Pick<RecordContext, "recordId" | "name" | "websiteDomain"> | null = null;
  /** The record the URL named at the last read, whatever its kind, and the tab Lightning showed for it. */
  let lastShown: { recordId: string | null; tab: Element | null } | null = null;

  const visibleTab = () => doc.querySelector(salesforceSelectors.visibleTab.join(", "));
  const read = () => readSalesforcePage(doc, location);
  /** Resolves once Lightning shows a tab other than `from`, or after the timeout. */
  const tabChange = (from: Element | null, signal: AbortSignal) =>
    pollUntil(() => { const tab = visibleTab(); return tab && tab !== from ? tab : null; }, { signal, timeoutMs: renderWaitMs, intervalMs: 50 });

  /**
   * A page read before Lightning drew it (a Contact answers at once, from its
   * URL) has no tab yet: note its tab once it shows, so that the next
   * navigation knows which tab is the one being left.
   */
  const noteTabWhenShown = async (recordId: string | null, departing: Element | null, signal: AbortSignal) => {
    const tab = await tabChange(departing, signal);
    if (tab && !signal.aborted && lastShown?.recordId === recordId) lastShown = { recordId, tab };
  };

  /** A first read that found no frame or no name yet: wait for the highlights panel, inside the visible tab when there is one. */
  const readOnceDrawn = async (signal: AbortSignal): Promise<PageContext> => {
    const first = read();
    if (first.kind !== "unreadable" && !(first.kind === "record" && first.name === null)) return first;
    const tab = visibleTab();
    const found = await waitForElement(tab ?? doc.body, tab ? salesforceSelectors.highlightsPanel : salesforceSelectors.recordFrame, { signal, timeoutMs: renderWaitMs });
    if (!found && !signal.aborted) console.warn("Mutual: selector not found:", salesforceSelectors.recordFrame.join(" | "));
    // Its components fill their shadow roots in just after; a mutation observer can't see inside them.
    await pause(300, signal);
    return read();
  };

  /** A tab reused for the next record (not seen in Lightning so far, but cheap to guard against) still shows the previous Account. */
  const readPastReusedTab = async (context: PageContext, signal: AbortSignal): Promise<PageContext> => {
    const previous = lastRead;
    if (context.kind !== "record" || !previous || context.recordId === previous.recordId) return context;
    const stillPrevious = (c: PageContext) => c.kind === "record" && c.name === previous.name && c.websiteDomain === previous.websiteDomain;
    if (!stillPrevious(context)) return context;
    return (await pollUntil(() => { const next = read(); return stillPrevious(next) ? null : next; }, { signal, timeoutMs: renderWaitMs, intervalMs: 100 })) ?? read();
  };

  return {
    site: "salesforce",
    // Lightning's global header and navigation bar, fixed at the top, reach about 96 px down.
    headerHeightPx: 96,
    pageKey: salesforcePageKey,
    async readPage(signal) {
      const ref = salesforceRecordFromUrl(location.href);
      const recordId = ref?.recordId ?? null;
      const before = lastShown;
      const departing = before && before.recordId !== recordId ? before.tab : null;
      if (departing && ref && isAccountRecord(ref) && visibleTab() === departing) await tabChange(departing, signal);
      let context = await readOnceDrawn(signal);
      if (before?.tab != null && visibleTab() === before.tab) context = await readPastReusedTab(context, signal);
      if (signal.aborted) return context;
      lastRead = context.kind === "record" ? { recordId: context.recordId, name: context.name, websiteDomain: context.websiteDomain } : null;
      const tab = visibleTab();
      const drawn = tab !== null && tab !== departing;
      lastShown = { recordId, tab: drawn ? tab : null };
      if (!drawn) void noteTabWhenShown(recordId, tab, signal);
      return context;
    },
  };
}
