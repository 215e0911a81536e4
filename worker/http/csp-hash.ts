/** A CSP source allowing exactly this inline block ('sha256-…'), so a page needs no 'unsafe-inline'. */
export async function cspHash(block: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(block));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}
