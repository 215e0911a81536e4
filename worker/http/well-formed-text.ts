/**
 * JSON can carry half of a surrogate pair ("\ud83d"), which no database or
 * page can store or show faithfully: it would come back as "�". Refusing it
 * keeps what is saved exactly what was sent.
 */
export function firstMalformedString(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return value.isWellFormed() ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstMalformedString(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = firstMalformedString(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
