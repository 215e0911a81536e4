import { describe, expect, it } from "vitest";
import { hashApiToken } from "../../shared/api-token.ts";
import { isEmailAddress } from "../../shared/email-address.ts";
import { sha256Hex } from "../../shared/sha256.ts";

describe("isEmailAddress", () => {
  it.each(["priya@contoso.com", "dana.kim@fabrikam.co.uk", "a+b@x.io"])("%s has an address's shape", (value) => {
    expect(isEmailAddress(value)).toBe(true);
  });

  it.each(["", "priya", "priya@contoso", "@contoso.com", "priya @contoso.com", "a@b@c.com", "Priya Raman"])("%j does not", (value) => {
    expect(isEmailAddress(value)).toBe(false);
  });
});

describe("sha256Hex", () => {
  it("gives the standard digest as 64 lower-case hex digits", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("is what API tokens are stored as", async () => {
    const token = `mutual_${"a".repeat(40)}`;
    expect(await hashApiToken(token)).toBe(await sha256Hex(token));
  });
});
