/** The SHA-256 of a text (UTF-8), as 64 lower-case hex digits; Web Crypto, so the same in the Worker, Node and the browser. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
