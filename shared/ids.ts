// Crockford's base 32: 32 symbols, so one byte's low five bits pick one
// without bias, and no I/L/O/U to misread.
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** Random lower-case base-32 text: 24 characters carry 120 bits. */
export function randomText(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let text = "";
  for (const byte of bytes) text += alphabet.charAt(byte & 31);
  return text;
}

export type IdPrefix = "wsp" | "mem" | "tok" | "ptr" | "con" | "int" | "cmt" | "ref" | "gol" | "mtg" | "aud" | "cap";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomText(24)}`;
}
