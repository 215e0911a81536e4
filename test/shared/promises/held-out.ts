/**
 * A second, held-out set: written and committed after the detector's first
 * version had been measured on corpus.ts, before the detector ever ran on
 * these. Its figures show how the detector does on sentences it was not
 * shaped around; the same labelling rules as corpus.ts apply.
 */
import { type CorpusSentence, message, no, yes } from "./corpus.ts";

// Thursday 16 April 2026, 15:45 in Denver; the partner.
const fromPartnerApril = message({ sentAt: "2026-04-16T21:45:00Z", authorSide: "partner", timeZone: "America/Denver" }, [
  yes("We'll send over the signed MDF agreement first thing tomorrow.", "partner", "2026-04-17"),
  yes("I'm going to put together a short enablement video for your reps by next Wednesday.", "partner", "2026-04-22"),
  yes("Our alliances team will handle the joint press release.", "partner"),
  yes("I'll register the three Denver opportunities before end of day.", "partner", "2026-04-16"),
  yes("Jamie will get you the updated partner price book by April 24.", "partner", "2026-04-24"),
  yes("We will deliver the first joint pipeline report on 1 May.", "partner", "2026-05-01"),
  yes("I'll walk your new AE through the deal registration process on Tuesday.", "partner", "2026-04-21"),
  yes("Our finance team is going to wire the referral fee this week.", "partner", "2026-04-17"),
  yes("You'll get a calendar invite from me for the QBR shortly.", "partner"),
  yes("I'll loop back with an answer on the co-op funds by the end of the month.", "partner", "2026-04-30"),
  no("question", "Do you have a preferred date for the QBR?"),
  no("other", "We were hoping to get the joint webinar on the calendar for May."),
  no("conditional", "If you send me the logo files, our designer can mock up the landing page."),
  no("past", "Our rep already logged the opportunity in Salesforce."),
  no("request", "Please have your team complete the partner certification by 30 April."),
  no("other", "I can't commit to the May event until budget is confirmed."),
  no("signature", "Thanks, Jamie"),
  no("signature", "Jamie Cole | Director of Alliances | Summit Peak Solutions"),
  no("quoted", "On Wed, Apr 15, 2026 at 4:02 PM Jordan Ellis <jordan@northstack.com> wrote:"),
  no("other", "The certification exam will be available in the partner portal from Monday."),
  no("request", "Would love your thoughts on the draft joint business plan."),
  no("question", "Any chance you could send the co-sell deck again?"),
]);

// Friday 31 July 2026, 11:30 in Kolkata; written by us.
const fromUsJuly = message({ sentAt: "2026-07-31T06:00:00Z", authorSide: "us", timeZone: "Asia/Kolkata" }, [
  yes("I'll send the revised MDF guidelines on Monday.", "us", "2026-08-03"),
  yes("We will onboard your new presales engineers on 10 August.", "us", "2026-08-10"),
  yes("Arjun will share the co-sell opportunity list by end of next week.", "us", "2026-08-07"),
  yes("I'll have the partner agreement redlines back to you within a week.", "us", "2026-08-07"),
  yes("Our marketing team will publish the joint case study by 14 August.", "us", "2026-08-14"),
  yes("I'm going to escalate the deal registration conflict to our VP today.", "us", "2026-07-31"),
  yes("You will receive the MDF reimbursement within 30 days of the claim.", "us"),
  yes("We'll make the intro to the Infosys account team next week.", "us", "2026-08-07"),
  yes("I will send you the certification vouchers for your consultants tomorrow.", "us", "2026-08-01"),
  yes("Just confirming that your team will present the customer story at our partner day on 20 August.", "partner", "2026-08-20"),
  no("question", "Should we invite your CTO to the QBR?"),
  no("past", "Our legal team approved the revised referral terms yesterday."),
  no("conditional", "If you can share the customer's requirements, I will ask our SE to scope it."),
  no("other", "I'm hoping to get budget for a second partner day."),
  no("request", "Kindly share the invoice copies for the June event."),
  no("question", "Can your team attend the enablement session on 12 August?"),
  no("signature", "Warm regards,"),
  no("disclaimer", "Disclaimer: This e-mail is confidential and may be legally privileged."),
  no("quoted", "> Arjun will share the list by Friday."),
  no("other", "We may need to push the QBR to September."),
]);

// Monday 9 February 2026, 13:00 in Madrid; the partner.
const fromPartnerFebruary = message({ sentAt: "2026-02-09T12:00:00Z", authorSide: "partner", timeZone: "Europe/Madrid" }, [
  yes("We'll get the first batch of deal registrations into your portal by Thursday.", "partner", "2026-02-12"),
  yes("I'll prepare the QBR scorecard and send it the day before the meeting.", "partner"),
  yes("Our consultants will complete the Level 2 certification by the end of February.", "partner", "2026-02-28"),
  yes("Carmen will coordinate the joint booth at MWC.", "partner"),
  yes("I'll share the list of accounts we want to co-sell in Q2 by Friday.", "partner", "2026-02-13"),
  yes("We're going to submit our MDF plan for H1 before the 20th.", "partner", "2026-02-20"),
  yes("You'll have our signed partner agreement back today.", "partner", "2026-02-09"),
  yes("I will confirm the venue for the enablement day by Wednesday the 11th.", "partner", "2026-02-11"),
  no("question", "Did you receive the updated price list?"),
  no("past", "We presented your solution to two customers last week."),
  no("conditional", "If the deal closes this quarter, we will request the referral fee."),
  no("question", "Would it be possible to extend the deal registration by 30 days?"),
  no("question", "Could you confirm whether the MDF can cover the booth?"),
  no("signature", "Saludos, Carmen"),
  no("signature", "Carmen Ruiz | Partner Manager Iberia | carmen@iberiasoft.es"),
  no("other", "We'd be glad to host the next QBR in Madrid."),
]);

// Tuesday 3 November 2026, 14:00 in Toronto; written by us.
const fromUsNovember = message({ sentAt: "2026-11-03T19:00:00Z", authorSide: "us", timeZone: "America/Toronto" }, [
  yes("I'll send the partner program changes for 2027 by Friday.", "us", "2026-11-06"),
  yes("We will approve your MDF request by end of week.", "us", "2026-11-06"),
  yes("Sophie from our team will run the co-sell workshop on 17 November.", "us", "2026-11-17"),
  yes("I'll update the deal registration status in the portal tonight.", "us", "2026-11-03"),
  yes("We'll pay the outstanding referral fees before the end of the year.", "us", "2026-12-31"),
  yes("I'm going to book the QBR for the first Monday of December.", "us", "2026-12-07"),
  yes("You'll get the renewal pricing from me by the 10th.", "us", "2026-11-10"),
  yes("I will send a summary of the co-sell pipeline to your VP in two days.", "us", "2026-11-05"),
  yes("As we agreed, your team will send the list of joint customers for the case study by Monday.", "partner", "2026-11-09"),
  yes("We'll cover the cost of the customer dinner in Toronto.", "us"),
  no("question", "Have you had a chance to look at the co-sell proposal?"),
  no("conditional", "If your team is free, we could run the workshop on 17 November."),
  no("past", "We approved your MDF request on Friday."),
  no("request", "Let us know which of your reps should get portal access."),
  no("signature", "Best,"),
  no("signature", "Sophie Tremblay | Partner Marketing | Northstack"),
  no("other", "We are planning to change the referral fee structure next year."),
  no("other", "I'd be happy to walk you through the new tiers."),
  no("other", "Our new partner portal will launch on 1 December."),
]);

export const heldOut: CorpusSentence[] = [...fromPartnerApril, ...fromUsJuly, ...fromPartnerFebruary, ...fromUsNovember];
