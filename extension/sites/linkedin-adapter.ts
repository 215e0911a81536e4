/**
 * LinkedIn company pages (linkedin.com/company/<slug>/…): which company is on
 * screen, by the slug in its URL, and the website it shows. A partner matches
 * by a stored slug (linked from this page) or by its domain. People's
 * profiles, the feed and everything else: nothing to show. Unreadable only
 * when the URL is a company page and no top card (linkedinSelectors.topCard)
 * is there after waiting.
 *
 * Reads text and attributes only. Try it:
 * https://www.linkedin.com/company/<slug>/, its About tab, then another
 * company from its "Pages people also viewed".
 */
import { linkedinSlugFromUrl } from "../../shared/linkedin-slug.ts";
import { websiteHost } from "../../shared/website-host.ts";
import { linkedinSelectors, linkedinTitlePattern, websiteTerms } from "./linkedin-selectors.ts";
import { unreadable, type PageContext } from "./page-context.ts";
import { cleanText } from "./page-text.ts";
import { recordSiteAdapter } from "./record-wait.ts";
import type { HostPage, SiteAdapter } from "./site-adapter.ts";

/** The company a LinkedIn URL opens, as a cache key: every tab of one company page is the same page. */
export function linkedinPageKey(href: string): string | null {
  const slug = linkedinSlugFromUrl(href);
  return slug ? `linkedin:${slug}` : null;
}

/** A link's site: LinkedIn wraps outside links in its redirect (/redir/redirect?url=…). */
function linkedHost(href: string): string | null {
  let target = href;
  try {
    const url = new URL(href, "https://www.linkedin.com/");
    if (/(^|\.)linkedin\.com$/.test(url.hostname)) target = url.searchParams.get("url") ?? "";
  } catch {
    return null;
  }
  const host = websiteHost(target);
  return host && !/(^|\.)linkedin\.com$/.test(host) && host !== "lnkd.in" ? host : null;
}

function aboutWebsite(doc: Document): string | null {
  for (const list of doc.querySelectorAll(linkedinSelectors.aboutDetails.join(", "))) {
    for (const term of list.querySelectorAll("dt")) {
      if (!websiteTerms.includes(cleanText(term.textContent)?.toLowerCase() ?? "")) continue;
      const detail = term.nextElementSibling;
      const link = detail?.querySelector("a[href]");
      const host = (link && linkedHost(link.getAttribute("href")!)) ?? websiteHost(cleanText(detail?.textContent) ?? "");
      if (host) return host;
    }
  }
  return null;
}

function websiteDomain(doc: Document): string | null {
  const about = aboutWebsite(doc);
  if (about) return about;
  for (const link of doc.querySelectorAll(linkedinSelectors.websiteLink.join(", "))) {
    const host = linkedHost(link.getAttribute("href") ?? "");
    if (host) return host;
  }
  return null;
}

function companyName(doc: Document): string | null {
  const heading = doc.querySelector(linkedinSelectors.companyName.join(", "));
  const shown = cleanText(heading?.getAttribute("title")) ?? cleanText(heading?.textContent);
  if (shown) return shown;
  const title = linkedinTitlePattern.exec(doc.title.trim());
  return cleanText(title?.[1] ?? title?.[2]);
}

export function readLinkedinPage(doc: Document, location: { href: string }): PageContext {
  const slug = linkedinSlugFromUrl(location.href);
  if (!slug) return { kind: "nothing-to-show", site: "linkedin" };
  if (!doc.querySelector(linkedinSelectors.topCard.join(", "))) return unreadable("linkedin", "topCard", linkedinSelectors.topCard);
  return {
    kind: "record", site: "linkedin", crm: "linkedin", recordId: slug, objectName: "company",
    name: companyName(doc), websiteDomain: websiteDomain(doc), url: location.href,
  };
}

/** LinkedIn in one tab: company pages open by pushState and are redrawn in place (record-wait.ts). */
export function createLinkedinAdapter({ document: doc, location }: HostPage): SiteAdapter {
  return recordSiteAdapter({
    // LinkedIn's global navigation bar, fixed at the top.
    site: "linkedin", headerHeightPx: 52, pageKey: linkedinPageKey,
    read: () => readLinkedinPage(doc, location), missing: [...linkedinSelectors.topCard, ...linkedinSelectors.companyName],
  });
}
