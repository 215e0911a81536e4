/**
 * Turns a Salesforce page into a PageContext: which Account is on screen,
 * its name and its website. Pure DOM reading (text and attributes only).
 *
 * The URL is the stable signal: it alone decides whether this is an Account
 * record and which one. The DOM only adds the display name and the website,
 * and either may be null (not rendered yet, field not on the layout).
 *
 * When is a page "unreadable"? Only when the URL is a Lightning record page
 * (/lightning/…, /one/one.app) and none of salesforceSelectors.recordFrame is
 * present: then Lightning's markup has changed beyond what we know, or it
 * hasn't rendered. The content script waits for recordFrame (light DOM) with
 * waitForElement and reads again; a second "unreadable" is shown. Classic and
 * Visualforce URLs have no Lightning frame by design: the record id from the
 * URL is still returned, with name and website null.
 */
import { websiteHost } from "../../shared/website-host.ts";
import { isAccountRecord, salesforceRecordFromUrl } from "../../shared/salesforce-url.ts";
import type { PageContext } from "./page-context.ts";
import { lightningTitlePattern, salesforceDeepPaths, salesforceSelectors, type DeepPath } from "./salesforce-selectors.ts";

/** The Account a Salesforce URL opens, as a cache key (ids are unique within an org, whose host is part of it). */
export function salesforcePageKey(href: string): string | null {
  const record = salesforceRecordFromUrl(href);
  if (!record || !isAccountRecord(record)) return null;
  return `salesforce:${new URL(href).host}/${record.recordId}`;
}

export function readSalesforcePage(doc: Document, location: { href: string }): PageContext {
  const record = salesforceRecordFromUrl(location.href);
  if (!record || !isAccountRecord(record)) return { kind: "nothing-to-show", site: "salesforce" };

  const visibleTab = firstDeepMatch(doc, salesforceSelectors.visibleTab.map((selector) => [selector]));
  const frame = visibleTab ?? firstDeepMatch(doc, salesforceSelectors.recordFrame.map((selector) => [selector]));
  if (!frame && isLightningUrl(location.href)) {
    return {
      kind: "unreadable",
      site: "salesforce",
      reason: `selector not found: salesforce recordFrame (${salesforceSelectors.recordFrame.join(" | ")})`,
    };
  }

  // Without a visible tab, the document is the only scope; with one, earlier
  // (hidden) tabs are left out so another Account's name is never read.
  const scope: ParentNode = visibleTab ?? doc;
  const nameElement = firstDeepMatch(scope, salesforceDeepPaths.recordName);
  return {
    kind: "salesforce-record",
    recordId: record.recordId,
    // isAccountRecord also accepts ids with the Account key prefix (001) when the URL names no object.
    objectName: record.objectName ?? "Account",
    name: cleanText(nameElement ? flatText(nameElement) : null) ?? nameFromTitle(doc.title),
    websiteDomain: readWebsiteDomain(scope),
    url: location.href,
  };
}

/**
 * The first element matching selector under root, searching root's own tree
 * first and then every open shadow root beneath it, level by level. Closed
 * shadow roots can't be read from a content script and are skipped.
 */
export function deepQuerySelector(root: ParentNode, selector: string): Element | null {
  const trees: ParentNode[] = [root];
  for (let index = 0; index < trees.length; index++) {
    const tree = trees[index]!;
    const found = tree.querySelector(selector);
    if (found) return found;
    trees.push(...openShadowRootsIn(tree, index === 0));
  }
  return null;
}

/** Follows a deep path: each step is searched inside the previous step's match. */
export function deepQueryPath(root: ParentNode, path: DeepPath): Element | null {
  let current: ParentNode | null = root;
  for (const step of path) {
    if (!current) return null;
    current = deepQuerySelector(current, step);
  }
  return current === root ? null : (current as Element | null);
}

function firstDeepMatch(root: ParentNode, paths: readonly DeepPath[]): Element | null {
  for (const path of paths) {
    const found = deepQueryPath(root, path);
    if (found) return found;
  }
  return null;
}

function openShadowRootsIn(tree: ParentNode, includeTreeItself: boolean): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const own = includeTreeItself && isElement(tree) ? tree.shadowRoot : null;
  if (own) roots.push(own);
  for (const element of tree.querySelectorAll("*")) {
    if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  return roots;
}

/**
 * An element's text as rendered: a shadow host's text comes from its shadow
 * root (slots pull in the light children), not from textContent, which sees
 * only light children. Scripts and styles are never text.
 */
export function flatText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (isElement(node)) {
    if (["script", "style", "template"].includes(node.localName)) return "";
    if (node.localName === "slot") {
      const assigned = (node as HTMLSlotElement).assignedNodes({ flatten: true });
      if (assigned.length > 0) return assigned.map(flatText).join("");
    }
    const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return [...children].map(flatText).join("");
  }
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? [...node.childNodes].map(flatText).join("") : "";
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

function isElement(node: Node | ParentNode): node is Element {
  return (node as Node).nodeType === Node.ELEMENT_NODE;
}

function cleanText(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, " ").trim() ?? "";
  return clean === "" ? null : clean;
}
