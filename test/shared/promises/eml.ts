/**
 * Just enough MIME to read a saved .eml's plain-text body and its Date header
 * for tests: the first text/plain part, base64 or quoted-printable decoded.
 */
export interface PlainMessage { sentAt: string | null; body: string }

function header(block: string, name: string): string | null {
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  const match = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded);
  return match?.[1]?.trim() ?? null;
}

function decode(body: string, encoding: string | null): string {
  if (encoding?.toLowerCase() === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding?.toLowerCase() === "quoted-printable") {
    return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return body;
}

function splitHead(part: string): [string, string] {
  const cut = part.search(/\r?\n\r?\n/);
  return cut < 0 ? [part, ""] : [part.slice(0, cut), part.slice(cut).replace(/^\r?\n\r?\n/, "")];
}

export function plainMessage(eml: string): PlainMessage {
  const [head, rest] = splitHead(eml);
  const date = header(head, "Date");
  const sentAt = date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : null;
  const boundary = /boundary="?([^";\s]+)"?/i.exec(head.replace(/\r?\n[ \t]+/g, " "))?.[1];
  if (!boundary) return { sentAt, body: decode(rest, header(head, "Content-Transfer-Encoding")) };
  for (const part of rest.split(`--${boundary}`)) {
    const [partHead, partBody] = splitHead(part.replace(/^\r?\n/, ""));
    if (/^text\/plain/i.test(header(partHead, "Content-Type") ?? "")) {
      return { sentAt, body: decode(partBody, header(partHead, "Content-Transfer-Encoding")) };
    }
  }
  return { sentAt, body: "" };
}
