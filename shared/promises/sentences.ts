/**
 * From a message body to the sentences its author wrote now: the quoted
 * reply, the signature and the legal footer are cut off first, because a
 * promise quoted from an earlier message or a sign-off is never a new one.
 */

/** Lines that open the quoted earlier message; everything from here down is old. */
const quoteOpeners = [
  /^On .{4,200}\bwrote:\s*$/i, // Gmail, Apple Mail: "On Mon, 2 Mar 2026 at 09:12, Dana <…> wrote:"
  /^-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}$/i, // Outlook, Thunderbird
  /^_{10,}$/, // Outlook's rule above its From:/Sent: block
  /^From:\s.+/i, // Outlook's reply header ("From: …" then "Sent: …")
  /^Begin forwarded message:/i,
];

/** Lines after which only a signature follows, wherever they stand. */
const signatureDelimiters = [/^--\s*$/, /^Sent from my \w+/i, /^Sent from (?:Outlook|Mail|Yahoo)\b/i];

/**
 * A sign-off ("Best regards," "Cheers, Jordan"). "Thanks!" can also open a
 * message, so a sign-off ends the text only when few lines follow it.
 */
const signOff = /^(?:best|kind|warm|many thanks and)?\s*(?:regards|wishes|cheers|thanks|thank you|best|sincerely|cordialement|grüße|abraços)[,!.]?\s*(?:[A-Z][\p{L}'-]+)?\s*$/iu;
const signatureMaxLines = 6;

/** Legal footers: statements about the email itself, never promises. */
const disclaimer =
  /\b(?:this|the) (?:e-?mail|message|communication|information)\b.*\b(?:confidential|privileged|intended)\b|\breceived (?:this|it) in error\b|\bconfidentiality notice\b|^disclaimer\b/i;

function isQuoteOpener(line: string): boolean {
  return quoteOpeners.some((pattern) => pattern.test(line));
}

function opensSignature(line: string, linesAfter: string[]): boolean {
  if (signatureDelimiters.some((pattern) => pattern.test(line))) return true;
  return signOff.test(line) && linesAfter.filter((after) => after.trim()).length <= signatureMaxLines;
}

/**
 * A header line in any language ("… wrote:", "… написал:") is recognised by
 * what follows it: a line ending in a colon, then a quoted ("> ") line.
 */
function opensQuotedLines(line: string, linesAfter: string[]): boolean {
  const next = linesAfter.find((after) => after.length > 0);
  return line.endsWith(":") && next !== undefined && next.startsWith(">");
}

/**
 * Drops the start of a reply header wrapped over several lines ("On Mon, …
 * Megan <xxx@gmail.com>" then "wrote:"): the lines just above the opener
 * that carry an address.
 */
function withoutHeaderStart(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && /[@<>]/.test(lines[end - 1] ?? "")) end--;
  return lines.slice(0, end);
}

/** The lines the author wrote in this message, in order, quoted text and sign-off removed. */
export function ownLines(body: string): string[] {
  const lines = body.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trim());
  const own: string[] = [];
  for (const [index, line] of lines.entries()) {
    const after = lines.slice(index + 1);
    if (isQuoteOpener(line) || opensQuotedLines(line, after)) return withoutHeaderStart(own);
    if (opensSignature(line, after)) break;
    if (line.startsWith(">")) continue; // an inline-quoted line in a reply written between quotes
    own.push(line);
  }
  return own;
}

/** Abbreviations whose full stop does not end a sentence. */
const abbreviations = /\b(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|Corp|No|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|a\.m|p\.m)\.$/i;

/** Splits one paragraph at sentence ends: . ! ? followed by a space and what can start a sentence. */
function splitParagraph(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const ends = /[.!?]+(?=\s+["'(\p{Lu}\d>-]|\s*$)/gu;
  for (let match = ends.exec(paragraph); match; match = ends.exec(paragraph)) {
    const end = match.index + match[0].length;
    const candidate = paragraph.slice(start, end);
    if (match[0] === "." && abbreviations.test(candidate)) continue;
    sentences.push(candidate.trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => sentence.length > 0);
}

/** A list item or a short line with no full stop stands on its own, not joined to the next line. */
const listItem = /^(?:[-*•]|\d{1,2}[.)])\s+/;

/** Paragraphs from lines: blank lines and list items break them; wrapped lines join. */
function paragraphs(lines: string[]): string[] {
  const result: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) result.push(current.join(" "));
    current = [];
  };
  for (const line of lines) {
    if (!line) flush();
    else if (listItem.test(line)) {
      flush();
      current.push(line.replace(listItem, ""));
    } else current.push(line);
  }
  flush();
  return result;
}

/** The sentences of a message body the author wrote now, without quotes, signature or footer. */
export function splitSentences(body: string): string[] {
  return paragraphs(ownLines(body))
    .flatMap(splitParagraph)
    .filter((sentence) => !disclaimer.test(sentence));
}
