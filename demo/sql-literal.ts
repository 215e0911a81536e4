/**
 * SQL text for values, for the places that must send raw SQL (wrangler's
 * `d1 execute --command` and `--file` take no bound parameters). Strings are
 * quoted with '' doubling, the only escape SQLite's string literals have, so
 * no value can end its literal early.
 */
export type SqlValue = string | number | boolean | null | undefined;

export function sqlLiteral(value: SqlValue): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as an SQL literal`);
    return String(value);
  }
  // SQLite stops a string at NUL; refusing it beats storing a cut-off value.
  if (value.includes("\u0000")) throw new Error("cannot write a NUL character in an SQL string literal");
  return `'${value.replaceAll("'", "''")}'`;
}

/** Table and column names come from code, never from input; this guards that. */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}

/**
 * Multi-row INSERTs for rows of one table, each statement at most
 * maxStatementBytes of UTF-8 (D1 refuses statements over 100 KB). Columns are
 * taken from the first row; every row must have the same keys.
 */
export function insertStatements(
  table: string,
  rows: readonly Record<string, SqlValue>[],
  maxStatementBytes = 90_000,
): string[] {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  const head = `INSERT INTO ${sqlIdentifier(table)} (${columns.map(sqlIdentifier).join(", ")}) VALUES\n`;
  const headBytes = utf8Length(head);
  const statements: string[] = [];
  let tuples: string[] = [];
  let bytes = headBytes;
  for (const row of rows) {
    const tuple = `(${columns.map((column) => sqlLiteral(row[column])).join(", ")})`;
    const tupleBytes = utf8Length(tuple) + 2;
    if (headBytes + tupleBytes + 1 > maxStatementBytes) {
      throw new Error(`one ${table} row is larger than ${maxStatementBytes} bytes of SQL`);
    }
    if (tuples.length > 0 && bytes + tupleBytes + 1 > maxStatementBytes) {
      statements.push(`${head}${tuples.join(",\n")};`);
      tuples = [];
      bytes = headBytes;
    }
    tuples.push(tuple);
    bytes += tupleBytes;
  }
  statements.push(`${head}${tuples.join(",\n")};`);
  return statements;
}

/** UTF-8 byte length without allocating; ASCII-only text (the usual case) is fast. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  if (!/[^\x00-\x7f]/.test(text)) return bytes;
  bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}
