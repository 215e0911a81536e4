import { describe, expect, it } from "vitest";
import { dueDatePicks } from "../../shared/due-date-picks.ts";
import { buildMeetingAgenda } from "../../shared/meeting-agenda.ts";
import { partnerCandidates } from "../../shared/page-people.ts";

describe("due date quick picks", () => {
  it("from a Monday", () => {
    expect(dueDatePicks("2026-11-23")).toEqual([
      { label: "Tomorrow", date: "2026-11-24" },
      { label: "Friday", date: "2026-11-27" },
      { label: "Next week", date: "2026-11-30" },
      { label: "End of month", date: "2026-11-30" },
    ]);
  });

  it("from a Friday, Friday means next week's, and the month may turn", () => {
    expect(dueDatePicks("2026-01-30").map((pick) => pick.date)).toEqual(["2026-01-31", "2026-02-06", "2026-02-02", "2026-01-31"]);
  });

  it("on the last day of a month, end of month is the next one's (leap years included)", () => {
    expect(dueDatePicks("2028-01-31").at(-1)!.date).toBe("2028-02-29");
    expect(dueDatePicks("2026-12-31").map((pick) => pick.date)).toEqual(["2027-01-01", "2027-01-01", "2027-01-04", "2027-01-31"]);
  });

  it("from a Sunday, next week is tomorrow's Monday", () => {
    expect(dueDatePicks("2026-11-29").map((pick) => pick.date)).toEqual(["2026-11-30", "2026-12-04", "2026-11-30", "2026-11-30"]);
  });
});

describe("meeting agenda", () => {
  it("lists overdue promises first, then open ones, referrals in progress and goals due soon", () => {
    const agenda = buildMeetingAgenda({
      partnerName: "Acme",
      now: new Date("2026-11-23T10:00:00Z"),
      openCommitments: [
        { title: "Send MDF approval", owed_by: "us", due_on: "2026-11-20" },
        { title: "Register Initech deal", owed_by: "partner", due_on: "2026-11-30" },
      ],
      pendingReferrals: [{ account_name: "Hooli", direction: "to_us", stage: "submitted" }],
      goals: [
        { title: "Certify 3 engineers", due_on: "2026-12-15", current: 1, target: 3 },
        { title: "Far goal", due_on: "2027-06-01", current: null, target: null },
      ],
    });
    expect(agenda).toBe([
      "Overdue promises:", "- Send MDF approval: we owe (due 2026-11-20)",
      "Open promises:", "- Register Initech deal: Acme owes (due 2026-11-30)",
      "Referrals in progress:", "- Hooli (from Acme, submitted)",
      "Goals due soon:", "- Certify 3 engineers (1 of 3), due 2026-12-15",
    ].join("\n"));
  });

  it("is empty when nothing is open", () => {
    expect(buildMeetingAgenda({ partnerName: "Acme", now: new Date(), openCommitments: [], pendingReferrals: [], goals: [] })).toBe("");
  });
});

describe("partner candidates on a page", () => {
  it("leaves out you and your colleagues, keeps free-mail people but never their domain", () => {
    const people = partnerCandidates(
      ["Alex@Northwind.com", "sam@northwind.com", "jo@sales.acme.co.uk", "JO@sales.acme.co.uk", "pat@gmail.com", "not-an-address"],
      "alex@northwind.com",
    );
    expect(people).toEqual({ emails: ["jo@sales.acme.co.uk", "pat@gmail.com"], companyDomains: ["acme.co.uk"] });
  });

  it("keeps everyone but you when your own address is free-mail", () => {
    expect(partnerCandidates(["me@gmail.com", "friend@gmail.com"], "me@gmail.com").emails).toEqual(["friend@gmail.com"]);
  });
});

import { websiteHost } from "../../shared/website-host.ts";

describe("websiteHost", () => {
  it.each([
    ["https://www.Acme.co.uk/about", "acme.co.uk"],
    ["acme.com", "acme.com"],
    ["http://sales.acme.io:8080/x?y", "sales.acme.io"],
    ["  WWW.ACME.COM.  ", "acme.com"],
  ])("%s → %s", (input, host) => expect(websiteHost(input)).toBe(host));

  it.each(["", "not a website", "http://localhost", "192.168.0.1", "<script>alert(1)</script>"])("rejects %j", (input) => {
    expect(websiteHost(input)).toBeNull();
  });
});
