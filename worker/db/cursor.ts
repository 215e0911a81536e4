import { fromBase64Url, toBase64Url } from "../../shared/base64url.ts";
import { invalidField } from "../http/api-error.ts";

export type CursorKey = string | number;

/** An opaque position in a keyset-ordered list: the sort key and id of the last row sent. */
export function encodeCursor(key: CursorKey, id: string): string {
  return toBase64Url(JSON.stringify([key, id]));
}

export function decodeCursor(cursor: string): [CursorKey, string] {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(cursor));
    if (
      Array.isArray(parsed) && parsed.length === 2 &&
      (typeof parsed[0] === "string" || typeof parsed[0] === "number") && typeof parsed[1] === "string"
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField("cursor", "is not a cursor this API gave out; start again without it");
}

/** Rows are fetched one past the page size to know whether another page exists. */
export function pageOf<Row>(rows: Row[], limit: number, keyOf: (row: Row) => [CursorKey, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(...keyOf(last)) : null;
  return { items, nextCursor };
}
