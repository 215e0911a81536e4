import { describe, expect, it } from "vitest";
import { candidateDomains, emailDomain, isFreeMailDomain, normalizeDomain } from "../../shared/domains.ts";

describe("normalizeDomain", () => {
  it.each([
    ["acme.co.uk", "acme.co.uk"],
    ["  ACME.co.uk ", "acme.co.uk"],
    ["https://www.acme.com/about?x=1", "acme.com"],
    ["sales.acme.co.uk", "sales.acme.co.uk"],
    ["acme.com.", "acme.com"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeDomain(input)).toEqual({ ok: true, domain: expected });
  });

  it.each([
    ["", "is empty"],
    ["co.uk", "not a registrable domain"],
    ["192.168.1.10", "IP address"],
    ["gmail.com", "free-mail provider"],
    ["mail.yahoo.co.uk", "not a registrable domain|free-mail"],
    ["acme", "not a registrable domain"],
  ])("rejects %j", (input, reason) => {
    const result = normalizeDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(new RegExp(reason));
  });
});

describe("candidateDomains", () => {
  it("walks up to the registrable domain through the public-suffix list", () => {
    expect(candidateDomains("sales.eu.acme.co.uk")).toEqual(["sales.eu.acme.co.uk", "eu.acme.co.uk", "acme.co.uk"]);
    expect(candidateDomains("acme.com")).toEqual(["acme.com"]);
  });

  it("never offers a public suffix or a free-mail domain", () => {
    expect(candidateDomains("co.uk")).toEqual([]);
    expect(candidateDomains("gmail.com")).toEqual([]);
    expect(candidateDomains("googlemail.com")).toEqual([]);
    expect(candidateDomains("outlook.com")).toEqual([]);
  });

  it("treats private suffixes as suffixes (a github.io site is its own domain)", () => {
    expect(candidateDomains("acme.github.io")).toEqual(["acme.github.io"]);
  });
});

describe("emailDomain and isFreeMailDomain", () => {
  it("reads the domain of an address", () => {
    expect(emailDomain("Jo.Bloggs@Sales.Acme.co.uk")).toBe("sales.acme.co.uk");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("trailing@")).toBeNull();
  });

  it("knows the free-mail providers", () => {
    expect(isFreeMailDomain("gmail.com")).toBe(true);
    expect(isFreeMailDomain("acme.com")).toBe(false);
  });
});
