import { randomText } from "./ids.ts";

/**
 * An API token is "mutual_" and 40 random characters. Only its SHA-256 is
 * stored; the first 12 characters are kept to tell tokens apart in lists.
 */
export const tokenPattern = /^mutual_[0-9a-z]{40}$/;

export function newApiToken(): { token: string; prefix: string } {
  const token = `mutual_${randomText(40)}`;
  return { token, prefix: token.slice(0, 12) };
}

export async function hashApiToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
