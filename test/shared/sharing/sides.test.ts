import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flipSides, sharedKinds } from "../../../shared/sharing/sides.ts";

describe("flipSides", () => {
  it("swaps who owes and which way a referral or email went", () => {
    expect(flipSides("commitments", { owed_by: "us", title: "Send the deck" })).toEqual({ owed_by: "partner", title: "Send the deck" });
    expect(flipSides("commitments", { owed_by: "partner" }).owed_by).toBe("us");
    expect(flipSides("referrals", { direction: "to_us" }).direction).toBe("to_partner");
    expect(flipSides("referrals", { direction: "to_partner" }).direction).toBe("to_us");
    expect(flipSides("interactions", { direction: "inbound" }).direction).toBe("outbound");
    expect(flipSides("interactions", { direction: "both" }).direction).toBe("both");
  });

  it("keeps a change that names no side as it is, and leaves the input untouched", () => {
    const patch = { status: "done" };
    expect(flipSides("commitments", patch)).toEqual({ status: "done" });
    const record = { owed_by: "us" };
    flipSides("commitments", record);
    expect(record.owed_by).toBe("us");
  });

  it("gives the record back when flipped twice, for any kind and values", () => {
    const value = fc.constantFrom("us", "partner", "to_us", "to_partner", "inbound", "outbound", "both", "x");
    fc.assert(
      fc.property(fc.constantFrom(...sharedKinds), value, value, (kind, owed, direction) => {
        const record = { owed_by: owed, direction, title: "t" };
        expect(flipSides(kind, flipSides(kind, record))).toEqual(record);
      }),
    );
  });
});
