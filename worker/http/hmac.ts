import { ApiError } from "../api-error.ts";

const encoder = new TextEncoder();
const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/** The deployment's guest-link secret; without one no guest link can be made or opened. */
export function guestSecret(secret: string | undefined): string {
  if (!secret || secret.length < 16) {
    throw new ApiError(503, "not_configured", "Guest links are not set up on this deployment: set GUEST_LINK_SECRET (wrangler secret put GUEST_LINK_SECRET)");
  }
  return secret;
}

function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

export async function hmacHex(secret: string, message: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), encoder.encode(message)));
}

/** Checks a hex HMAC in constant time (the platform's verify), so timing tells a forger nothing. */
export async function hmacMatches(secret: string, message: string, signatureHex: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(signatureHex)) return false;
  const bytes = new Uint8Array(signatureHex.match(/../g)!.map((pair) => Number.parseInt(pair, 16)));
  return crypto.subtle.verify("HMAC", await hmacKey(secret, "verify"), bytes, encoder.encode(message));
}
