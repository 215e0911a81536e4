/**
 * Text ⇄ URL-safe base64 of its UTF-8 bytes. btoa alone takes only Latin-1,
 * so a cursor holding "Škoda" or "阿里巴巴" threw; encoding the bytes first
 * carries any Unicode.
 */
export function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The text back; throws on anything that is not base64url of UTF-8. */
export function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
