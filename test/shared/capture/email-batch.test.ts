import { describe, expect, it } from "vitest";
import { emailBatch, emailKey, isOurSide } from "../../../shared/capture/email-batch.ts";
import { captureBatch } from "../../../shared/schemas/capture.ts";

const now = new Date("2026-12-01T03:00:00Z");
const options = { ownAddress: "me@northwind-cloud.com", subject: null, timeZone: "UTC", now };

describe("emailBatch", () => {
  it("makes one email per message: direction from the sender, participants by address, time from the header", () => {
    const batch = emailBatch([
      { id: "18c2f0a9d7e3b1c4", timeText: "Mon, 16 Nov 2026, 09:12", from: "Jo@Acme.co.uk", to: ["me@northwind-cloud.com", "sam@sales.acme.co.uk"] },
      { id: "18c2f0a9d7e3b1d1", timeText: "Mon, 16 Nov 2026, 11:40", from: "me@northwind-cloud.com", to: ["jo@acme.co.uk"] },
      // A colleague at our own company writes for our side too.
      { id: "18c2f0a9d7e3b1e2", timeText: "Mon, 16 Nov 2026, 12:00", from: "dana@eu.northwind-cloud.com", to: ["jo@acme.co.uk"] },
    ], options);
    expect(batch.skipped).toEqual([]);
    expect(batch.items).toEqual([
      { external_id: emailKey("2026-11-16T09:12:00.000Z", "jo@acme.co.uk", ["jo@acme.co.uk", "me@northwind-cloud.com", "sam@sales.acme.co.uk"]), kind: "email", direction: "inbound", occurred_at: "2026-11-16T09:12:00.000Z", participants: ["jo@acme.co.uk", "me@northwind-cloud.com", "sam@sales.acme.co.uk"] },
      { external_id: emailKey("2026-11-16T11:40:00.000Z", "me@northwind-cloud.com", ["me@northwind-cloud.com", "jo@acme.co.uk"]), kind: "email", direction: "outbound", occurred_at: "2026-11-16T11:40:00.000Z", participants: ["me@northwind-cloud.com", "jo@acme.co.uk"] },
      { external_id: emailKey("2026-11-16T12:00:00.000Z", "dana@eu.northwind-cloud.com", ["dana@eu.northwind-cloud.com", "jo@acme.co.uk"]), kind: "email", direction: "outbound", occurred_at: "2026-11-16T12:00:00.000Z", participants: ["dana@eu.northwind-cloud.com", "jo@acme.co.uk"] },
    ]);
    // What the API takes, as it is: no body, no field it does not know.
    expect(captureBatch.safeParse({ items: batch.items }).success).toBe(true);
    expect(Object.keys(batch.items[0]!)).not.toContain("text");
  });

  it("leaves out a message with no readable time or sender, or one dated in the future, and names it", () => {
    const batch = emailBatch([
      { id: "a", timeText: "26 дек. 2019 г., 22:53", from: "jo@acme.co.uk", to: [] },
      { id: "b", timeText: null, from: "jo@acme.co.uk", to: [] },
      { id: "c", timeText: "Mon, 16 Nov 2026, 09:12", from: null, to: [] },
      { id: "d", timeText: "Dec 9, 2026, 9:00 AM", from: "jo@acme.co.uk", to: [] },
      { id: "e", timeText: "Mon, 16 Nov 2026, 09:12", from: "jo@acme.co.uk", to: [] },
    ], options);
    expect(batch.skipped).toEqual(["a", "b", "c", "d"]);
    expect(batch.items.map((item) => item.occurred_at)).toEqual(["2026-11-16T09:12:00.000Z"]);
  });

  it("sends the subject only when given one, and keeps the newest 100 of a longer thread", () => {
    const messages = Array.from({ length: 120 }, (_, n) => ({ id: `m${n}`, timeText: `Mon, 16 Nov 2026, ${String(8 + Math.floor(n / 60)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}`, from: "jo@acme.co.uk", to: [] }));
    const batch = emailBatch(messages, { ...options, subject: "MDF request" });
    expect(batch.items).toHaveLength(100);
    expect(batch.items[0]).toMatchObject({ occurred_at: "2026-11-16T08:20:00.000Z", subject: "MDF request" });
  });
});

describe("emailKey", () => {
  it("is the same for every recipient's copy of an email, whatever their mailbox calls it", () => {
    const header = { timeText: "Mon, 16 Nov 2026, 09:12", from: "Jo@Acme.co.uk" };
    // The same email in two teammates' mailboxes: Gmail gives each copy its own id, and lists the recipients in its own order.
    const mine = emailBatch([{ id: "18c2f0a9d7e3b1c4", ...header, to: ["me@northwind-cloud.com", "dana@northwind-cloud.com"] }], options);
    const danas = emailBatch([{ id: "19a7710be2c4d5f6", ...header, to: ["dana@northwind-cloud.com", "me@northwind-cloud.com"] }], { ...options, ownAddress: "dana@northwind-cloud.com" });
    expect(mine.items[0]!.external_id).toBe(danas.items[0]!.external_id);
  });

  it("tells apart emails that differ in sender, minute or recipients", () => {
    const key = emailKey("2026-11-16T09:12:00.000Z", "jo@acme.co.uk", ["jo@acme.co.uk", "me@northwind-cloud.com"]);
    expect(emailKey("2026-11-16T09:13:00.000Z", "jo@acme.co.uk", ["jo@acme.co.uk", "me@northwind-cloud.com"])).not.toBe(key);
    expect(emailKey("2026-11-16T09:12:00.000Z", "sam@acme.co.uk", ["sam@acme.co.uk", "me@northwind-cloud.com"])).not.toBe(key);
    expect(emailKey("2026-11-16T09:12:00.000Z", "jo@acme.co.uk", ["jo@acme.co.uk", "dana@northwind-cloud.com"])).not.toBe(key);
  });
});

describe("isOurSide", () => {
  it("is the signed-in address and colleagues at its company domain, never strangers at a free-mail host", () => {
    expect(isOurSide("me@northwind-cloud.com", "me@northwind-cloud.com")).toBe(true);
    expect(isOurSide("dana@northwind-cloud.com", "me@northwind-cloud.com")).toBe(true);
    expect(isOurSide("jo@acme.co.uk", "me@northwind-cloud.com")).toBe(false);
    expect(isOurSide("someone@gmail.com", "me@gmail.com")).toBe(false);
    expect(isOurSide("jo@acme.co.uk", null)).toBe(false);
  });
});
