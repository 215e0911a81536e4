/**
 * A LinkedIn company page's name, as in linkedin.com/company/<slug>/: how a
 * partner is tied to its page. LinkedIn treats it case-insensitively, so it is
 * kept lower-case. Pure; used by the API's validation, the import and the
 * LinkedIn adapter alike, so all three agree on what a slug is.
 */

/** Letters, digits, "-" and "_" (what LinkedIn allows in a vanity name), 2 to 100 long. */
export const linkedinSlugPattern = /^[a-z0-9][a-z0-9_-]{1,99}$/;

const companyPath = /^\/company\/([^/?#]+)/i;

/** The slug in a company page's URL (any of its tabs), or null for any other URL. */
export function linkedinSlugFromUrl(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  const raw = companyPath.exec(url.pathname)?.[1];
  if (!raw) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(raw).toLowerCase();
  } catch {
    return null;
  }
  return linkedinSlugPattern.test(slug) ? slug : null;
}

/**
 * A slug from what a person or a CSV gives: the bare slug ("Acme-Corp") or the
 * page's address ("https://www.linkedin.com/company/acme-corp/about/",
 * "linkedin.com/company/acme-corp"). Null when it is neither.
 */
export function linkedinSlugOf(input: string): string | null {
  const value = input.trim();
  if (/linkedin\.com\//i.test(value)) return linkedinSlugFromUrl(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  const slug = value.toLowerCase();
  return linkedinSlugPattern.test(slug) ? slug : null;
}
