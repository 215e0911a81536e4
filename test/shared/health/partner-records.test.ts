import { describe, expect, it } from "vitest";
import { partnerRecordSignals } from "../../../shared/health/partner-records.ts";
import type { PartnershipHistory } from "../../../shared/health/history.ts";
import { scorePartnership } from "../../../shared/health/score-partnership.ts";
import { kept, now, overdue, referral, thriving, upcoming } from "./scenarios.ts";

// The connected partner company's own shared records, said in the evidence
// with whose records they are; our own records never read as theirs.

const theirs = <T extends object>(record: T) => ({ ...record, recorded_by: "Brightpath" });

describe("the partner's records in the evidence", () => {
  it("says how many of their promises they marked kept, leaving out the ones not yet due", () => {
    const history: PartnershipHistory = {
      ...thriving,
      commitments: [...thriving.commitments, theirs(kept("partner", 5)), theirs(kept("partner", 9)), theirs(overdue("partner", 2)), theirs(upcoming("partner", 4)), theirs(kept("us", 3))],
    };
    const signals = partnerRecordSignals(history, now);
    expect(signals.trust).toEqual([
      { text: "Brightpath marked 2 of their 3 promises kept, in their shared records", effect: "neutral" },
      { text: "Brightpath marked 1 of your 1 promise to them kept, in their shared records", effect: "positive" },
    ]);
    expect(scorePartnership(history, now).traits.trust.signals).toContainEqual(signals.trust![0]);
  });

  it("says how they answered and closed the referrals we sent them", () => {
    const history: PartnershipHistory = {
      ...thriving,
      referrals: [theirs(referral("to_partner", 40, [["accepted", 2], ["won", 30]])), theirs(referral("to_partner", 30, []))],
    };
    const signals = partnerRecordSignals(history, now);
    expect(signals.respect).toEqual([{ text: "Brightpath answered 1 of the 2 referrals you sent them, in their shared records", effect: "neutral" }]);
    expect(signals.success).toEqual([{ text: "Brightpath marked 1 of the 1 referral you sent them won, in their shared records", effect: "positive" }]);
  });

  it("says nothing when every record is our own", () => {
    expect(partnerRecordSignals(thriving, now)).toEqual({});
  });
});
