/**
 * A guest link: the token in a guest page's address, for a partner company
 * that is not on Mutual. Its parts are the link's id, its expiry (so an
 * expired link is refused before any query) and a random nonce, signed with
 * an HMAC by the Worker. Pure: the signing itself happens in the Worker.
 */

export const guestLinkDefaultDays = 30;
export const guestLinkMaxDays = 180;

/** The token's shape: id, expiry (Unix seconds), nonce, then the HMAC-SHA256 of those three in hex. */
export const guestTokenPattern = /^(gst_[0-9a-z]{24})\.([0-9]{9,11})\.([0-9a-z]{32})\.([0-9a-f]{64})$/;

export interface GuestTokenParts {
  linkId: string;
  expiresAt: Date;
  /** What the signature covers: everything before the last dot. */
  payload: string;
  signature: string;
}

export function guestTokenPayload(linkId: string, expiresAt: Date, nonce: string): string {
  return `${linkId}.${Math.floor(expiresAt.getTime() / 1000)}.${nonce}`;
}

/** The token's parts, or null for anything that is not a guest token at all. */
export function parseGuestToken(token: string): GuestTokenParts | null {
  const match = guestTokenPattern.exec(token);
  if (!match) return null;
  const [, linkId, expires, nonce, signature] = match as unknown as [string, string, string, string, string];
  return { linkId, expiresAt: new Date(Number(expires) * 1000), payload: `${linkId}.${expires}.${nonce}`, signature };
}

/** When a link made now lasts `days` days ends, to the whole second the token carries. */
export function guestLinkExpiry(now: Date, days: number): Date {
  return new Date(Math.floor((now.getTime() + days * 86_400_000) / 1000) * 1000);
}

export type GuestLinkStatus = "active" | "revoked" | "expired";

export function guestLinkStatus(link: { expires_at: string; revoked_at: string | null }, now: Date): GuestLinkStatus {
  if (link.revoked_at) return "revoked";
  return Date.parse(link.expires_at) <= now.getTime() ? "expired" : "active";
}

/** What a guest's comment is stored as: a shared note whose words say who left it. */
export const guestCommentMaxLength = 2000;
export const guestAuthor = (partnerName: string) => `guest of ${partnerName}`;
export const guestCommentSummary = (partnerName: string, comment: string) => `Comment from ${guestAuthor(partnerName)}: ${comment}`;
