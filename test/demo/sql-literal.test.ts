import { describe, expect, it } from "vitest";
import { insertStatements, sqlIdentifier, sqlLiteral, utf8Length } from "../../demo/sql-literal.ts";

describe("sqlLiteral", () => {
  it("quotes strings, doubling single quotes", () => {
    expect(sqlLiteral("Tallis & Rowe")).toBe("'Tallis & Rowe'");
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral("'; DROP TABLE partners; --")).toBe("'''; DROP TABLE partners; --'");
    expect(sqlLiteral("")).toBe("''");
  });

  it("writes NULL, numbers and booleans bare", () => {
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(undefined)).toBe("NULL");
    expect(sqlLiteral(42)).toBe("42");
    expect(sqlLiteral(-1.5)).toBe("-1.5");
    expect(sqlLiteral(true)).toBe("1");
  });

  it("refuses values SQL cannot hold", () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral(Infinity)).toThrow();
    expect(() => sqlLiteral("a\u0000b")).toThrow();
  });
});

describe("sqlIdentifier", () => {
  it("lets plain names through and nothing else", () => {
    expect(sqlIdentifier("api_tokens")).toBe("api_tokens");
    expect(() => sqlIdentifier("partners; --")).toThrow();
  });
});

describe("insertStatements", () => {
  it("writes one multi-row INSERT per batch", () => {
    const rows = [{ id: "a", name: "It's" }, { id: "b", name: null }];
    expect(insertStatements("t", rows)).toEqual(["INSERT INTO t (id, name) VALUES\n('a', 'It''s'),\n('b', NULL);"]);
    expect(insertStatements("t", [])).toEqual([]);
  });

  it("counts UTF-8 bytes, not characters, against the limit", () => {
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, name: "€".repeat(20) }));
    for (const statement of insertStatements("t", rows, 300)) expect(utf8Length(statement)).toBeLessThanOrEqual(300);
  });
});
