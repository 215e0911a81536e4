import { randomText } from "./ids.ts";
import { sha256Hex } from "./sha256.ts";

/**
 * An API token is "mutual_" and 40 random characters. Only its SHA-256 is
 * stored; the first 12 characters are kept to tell tokens apart in lists.
 */
export const tokenPattern = /^mutual_[0-9a-z]{40}$/;

export function newApiToken(): { token: string; prefix: string } {
  const token = `mutual_${randomText(40)}`;
  return { token, prefix: token.slice(0, 12) };
}

export function hashApiToken(token: string): Promise<string> {
  return sha256Hex(token);
}
