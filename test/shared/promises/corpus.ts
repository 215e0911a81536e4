/**
 * A labelled corpus of sentences from a channel manager's partner email:
 * commitments made in both directions and the near misses that look like them
 * (questions, conditionals, past tense, quoted replies, signatures,
 * disclaimers, requests, wishes and announcements). Written before the
 * detector, and labelled by what a reader would log as a promise, not by what
 * the detector finds.
 *
 * Each group is one message: when it was sent, in which time zone, and which
 * side wrote it. Due dates follow the rules in docs/promises.md: a weekday is
 * the next one after the message's own day, "next <weekday>" is that day in
 * the following week, "next week"/"this week"/"end of week" end on that
 * week's Friday, "by Q3" is the quarter's last day, "before <X on date>" is
 * that date, and a vague "shortly" or a relative "before the meeting" has none.
 */
export type Side = "us" | "partner";
export type CaseKind =
  | "promise" | "question" | "conditional" | "past" | "quoted" | "signature" | "disclaimer" | "request" | "other";

export interface CorpusSentence {
  text: string;
  sentAt: string;
  authorSide: Side;
  timeZone: string;
  kind: CaseKind;
  expected: { is_promise: boolean; owed_by: Side | null; due_on: string | null };
}

interface Row { text: string; kind: CaseKind; owed_by: Side | null; due_on: string | null }
interface Message { sentAt: string; authorSide: Side; timeZone: string }

export const yes = (text: string, owed_by: Side, due_on: string | null = null): Row => ({ text, kind: "promise", owed_by, due_on });
export const no = (kind: Exclude<CaseKind, "promise">, text: string): Row => ({ text, kind, owed_by: null, due_on: null });

export function message(context: Message, rows: Row[]): CorpusSentence[] {
  return rows.map(({ text, kind, owed_by, due_on }) => ({
    text, kind, ...context, expected: { is_promise: kind === "promise", owed_by, due_on },
  }));
}

// Monday 2 March 2026, 11:05 in New York; written by us.
const fromUsMarch = message({ sentAt: "2026-03-02T16:05:00Z", authorSide: "us", timeZone: "America/New_York" }, [
  yes("I'll send the MDF numbers by Wednesday.", "us", "2026-03-04"),
  yes("We will get the co-sell playbook over to you by Friday.", "us", "2026-03-06"),
  yes("I'll register the Northwind opportunity in the portal today.", "us", "2026-03-02"),
  yes("Priya will share the updated enablement calendar by next Friday.", "us", "2026-03-13"),
  yes("Our solutions team will run the technical deep dive for your SEs in two weeks.", "us", "2026-03-16"),
  yes("I'm going to loop in our alliances lead so you have a single contact on the renewal.", "us"),
  yes("Let me pull the Q4 referral payouts and get back to you by end of month.", "us", "2026-03-31"),
  yes("We'll have the joint value proposition deck ready before the QBR on 12 March.", "us", "2026-03-12"),
  yes("You'll have the signed MDF approval from finance by Thursday.", "us", "2026-03-05"),
  yes("As agreed on the call, you'll send us the pipeline list for the Midwest accounts by Wednesday.", "partner", "2026-03-04"),
  yes("I will follow up with legal on the referral fee clause tomorrow.", "us", "2026-03-03"),
  yes("I'll book the room for the partner kickoff and send invites EOD.", "us", "2026-03-02"),
  yes("Per our call, you will send the list of accounts you want to co-sell by Friday.", "partner", "2026-03-06"),
  yes("We'll cover the travel costs for your two SEs attending the bootcamp.", "us"),
  no("question", "Could you send over the list of certified engineers by Friday?"),
  no("conditional", "If you can get me the forecast by Thursday, I'll fold it into the QBR deck."),
  no("past", "I sent the deal registration form last week."),
  no("question", "Would you be able to co-present at the webinar on 18 March?"),
  no("request", "Please submit the MDF claim with proof of performance by the 20th."),
  no("past", "We discussed the co-sell motion for the healthcare vertical."),
  no("request", "Let me know if the 12 March slot still works for your team."),
  no("other", "Thanks again for hosting us in Chicago."),
  no("signature", "Best regards, Jordan Ellis | Partner Manager, Northstack"),
  no("disclaimer", "This email and any attachments are confidential and intended solely for the addressee."),
  no("quoted", "> I'll get you the certification roster by Friday."),
  no("quoted", "On Fri, 27 Feb 2026 at 09:12, Dana Reyes <dana@brightpath.io> wrote:"),
  no("other", "We should probably revisit the margin tiers at some point."),
  no("past", "I was going to send the deck yesterday but the numbers changed."),
  no("question", "Can we move the enablement session to Tuesday?"),
  no("other", "Happy to jump on a call whenever suits you."),
  no("other", "Going forward, all deal registrations need a customer contact."),
  no("other", "Reminder: the MDF claim window closes on 31 March."),
  no("other", "The QBR is booked for 12 March at 10am ET."),
  no("other", "The new margin tiers will take effect on 1 April."),
  no("other", "The portal will send an automatic reminder three days before the deadline."),
]);

// Wednesday 4 March 2026, 09:30 in London; written by the partner.
const fromPartnerMarch = message({ sentAt: "2026-03-04T09:30:00Z", authorSide: "partner", timeZone: "Europe/London" }, [
  yes("I'll get the signed reseller agreement back to you by Friday.", "partner", "2026-03-06"),
  yes("Our marketing team will launch the co-branded campaign next week.", "partner", "2026-03-13"),
  yes("We'll submit the deal registration for Harbor Logistics tomorrow.", "partner", "2026-03-05"),
  yes("Tom will share the calendar by next Friday.", "partner", "2026-03-13"),
  yes("I will send you the proof of performance for the February webinar by end of day.", "partner", "2026-03-04"),
  yes("We're going to add two more certified consultants before the end of the quarter.", "partner", "2026-03-31"),
  yes("Expect the updated forecast from me on Monday.", "partner", "2026-03-09"),
  yes("I'll confirm the attendee list for the enablement day by 10 March.", "partner", "2026-03-10"),
  yes("You will get the referral paperwork from our ops team by Tuesday.", "partner", "2026-03-10"),
  yes("Sam from our side will walk your SEs through the integration in the first session.", "partner"),
  yes("I can have the win-loss notes to you by Thursday.", "partner", "2026-03-05"),
  yes("Leave it with me, I'll sort the portal access for your new reps by Friday.", "partner", "2026-03-06"),
  no("question", "Did you get a chance to review the co-sell proposal?"),
  no("question", "When will the MDF funds be released?"),
  no("conditional", "If the budget is approved, we will run a second campaign in April."),
  no("past", "We submitted the claim on 2 March."),
  no("other", "I would love to get a joint case study out this year."),
  no("question", "Could your team share the SKU list before the QBR?"),
  no("signature", "Kind regards,"),
  no("signature", "Sent from my iPhone"),
  no("other", "We hope to close the Acme deal by the end of the month."),
  no("other", "I might be able to pull the numbers together by Friday."),
  no("other", "Your team will need to approve the MDF request before we can book the venue."),
  no("past", "Our finance team already paid the Q4 referral fees."),
  no("other", "Looking forward to seeing you at the QBR on 12 March."),
  no("question", "Our VP asked whether you'll be at the summit."),
  no("request", "I was wondering if you could share the pipeline report."),
]);

// Thursday 5 March 2026, 17:30 in Los Angeles (already the 6th in UTC); the partner.
const fromPartnerEvening = message({ sentAt: "2026-03-06T01:30:00Z", authorSide: "partner", timeZone: "America/Los_Angeles" }, [
  yes("I'll send the revised pricing tomorrow.", "partner", "2026-03-06"),
  yes("We will finish the certification track by end of day tomorrow.", "partner", "2026-03-06"),
  yes("I'll get you the joint pipeline review EOD.", "partner", "2026-03-05"),
  yes("Our team will register both deals in the portal today.", "partner", "2026-03-05"),
  yes("I'll circle back on the referral fee question on Monday.", "partner", "2026-03-09"),
  yes("We'll cover the booth costs for the summit out of our MDF.", "partner"),
  yes("Marcus will send the signed SOW over this week.", "partner", "2026-03-06"),
  yes("Count on us for the booth staffing at the summit.", "partner"),
  no("question", "Are you still planning to attend the partner summit?"),
  no("conditional", "Once we have the final numbers, I'll share them."),
  no("past", "I forwarded your note to our VP of Sales."),
  no("question", "Would it help if we sent a few case studies?"),
  no("other", "We haven't heard back from procurement yet."),
  no("past", "Yesterday I went through the deal reg backlog with Ana."),
  no("signature", "Marcus Lee, Channel Sales Director"),
  no("other", "I think we will probably need another week on the SOW."),
  no("other", "Just checking in on the co-sell proposal."),
  no("other", "I won't be able to make the webinar on Thursday."),
]);

// Monday 30 March 2026, 08:10 in Tokyo (still the 29th in UTC); written by us.
const fromUsTokyo = message({ sentAt: "2026-03-29T23:10:00Z", authorSide: "us", timeZone: "Asia/Tokyo" }, [
  yes("I'll send the APAC partner tier proposal tomorrow.", "us", "2026-03-31"),
  yes("We will have the localized enablement content ready by end of April.", "us", "2026-04-30"),
  yes("I'll confirm the MDF allocation for Q2 by Wednesday.", "us", "2026-04-01"),
  yes("Kenji will run the partner onboarding session on Thursday.", "us", "2026-04-02"),
  yes("We'll share the co-sell account list by the end of next week.", "us", "2026-04-10"),
  yes("I'm going to send you the draft joint business plan today.", "us", "2026-03-30"),
  yes("You'll receive the referral payout statement by 15 April.", "us", "2026-04-15"),
  yes("Our channel ops team will process the pending deal registrations within two days.", "us", "2026-04-01"),
  yes("I will send the QBR agenda a week before the meeting.", "us"),
  yes("I'll make sure your team gets access to the partner portal by Friday.", "us", "2026-04-03"),
  no("question", "Did your team finish the certification exams?"),
  no("conditional", "If you have capacity, could you take the lead on the Osaka account?"),
  no("past", "We agreed last quarter to split the event costs 50/50."),
  no("request", "Please confirm the headcount for the enablement day by Friday."),
  no("past", "I called your office this morning but missed you."),
  no("question", "Maybe we can catch up next week?"),
  no("signature", "Regards, Aiko Tanaka, Partner Development Manager | APAC"),
  no("disclaimer", "This message may contain privileged information; if you received it in error, please delete it."),
]);

// Monday 15 June 2026, 16:00 in Berlin; the partner.
const fromPartnerJune = message({ sentAt: "2026-06-15T14:00:00Z", authorSide: "partner", timeZone: "Europe/Berlin" }, [
  yes("We'll send the co-marketing plan for H2 by Friday.", "partner", "2026-06-19"),
  yes("I'll pull together the win stories from Q2 by the end of the month.", "partner", "2026-06-30"),
  yes("Our SE team will complete the advanced certification by Q3.", "partner", "2026-09-30"),
  yes("I'll get the referral agreement countersigned in two weeks.", "partner", "2026-06-29"),
  yes("Lena will send the webinar recording to your team tomorrow.", "partner", "2026-06-16"),
  yes("You'll have our Q3 forecast before the QBR on 2 July.", "partner", "2026-07-02"),
  yes("We're going to host the joint roadshow in Munich on 9 July.", "partner", "2026-07-09"),
  yes("I'll make sure the MDF invoice reaches your finance team this week.", "partner", "2026-06-19"),
  yes("I'll send over the attendee feedback from the enablement day shortly.", "partner"),
  yes("We'll get back to you on the co-sell exception by Wednesday.", "partner", "2026-06-17"),
  no("question", "Did the MDF payment for the May event go through?"),
  no("conditional", "We would be happy to co-fund the event if you cover the venue."),
  no("past", "I had a look at the referral report and the numbers match."),
  no("question", "Would next Tuesday work for the pipeline review?"),
  no("request", "Please let us know by Friday whether you want the booth."),
  no("past", "We were planning to send the deck, but the launch date moved."),
  no("signature", "Mit freundlichen Grüßen / Best regards"),
  no("signature", "Lena Vogel | Alliance Manager DACH | +49 30 1234 5678"),
  no("question", "Did you want us to register the deal, or will you?"),
  no("other", "We'd need the signed NDA before we can share roadmap details."),
  no("other", "You may want to loop in your marketing lead."),
  no("quoted", "> Could you send the co-marketing plan by Friday?"),
]);

// Thursday 24 September 2026, 10:45 in Chicago; written by us.
const fromUsSeptember = message({ sentAt: "2026-09-24T15:45:00Z", authorSide: "us", timeZone: "America/Chicago" }, [
  yes("I'll send the updated margin schedule by Monday.", "us", "2026-09-28"),
  yes("We will reimburse the approved MDF claims by the end of the month.", "us", "2026-09-30"),
  yes("I'm going to set up the joint account mapping session for next Tuesday.", "us", "2026-09-29"),
  yes("Our enablement team will publish the new partner certification path by 15 October.", "us", "2026-10-15"),
  yes("I'll get you a decision on the co-sell exception by EOD tomorrow.", "us", "2026-09-25"),
  yes("We'll extend the deal registration for Contoso by another 90 days.", "us"),
  yes("I will personally make sure the referral fee is paid before the end of Q3.", "us", "2026-09-30"),
  yes("Rachel will send you the joint press release draft in a couple of days.", "us", "2026-09-26"),
  yes("You'll get the new portal credentials from our ops team tomorrow morning.", "us", "2026-09-25"),
  yes("I'll follow up with our product team about the API limits and report back.", "us"),
  yes("Just to confirm, you'll take the first call with the customer's CTO next Monday.", "partner", "2026-09-28"),
  yes("I'll have the signed amendment back to you first thing Monday.", "us", "2026-09-28"),
  no("request", "Could you forward the customer's procurement contact?"),
  no("conditional", "If we win the Contoso deal, we'll fund a second enablement day."),
  no("past", "I shared the updated margin schedule on Tuesday."),
  no("past", "We have already approved the MDF request for the October webinar."),
  no("question", "Do you think your team could co-present at our partner summit?"),
  no("other", "We might revisit the referral tiers next year."),
  no("other", "I'd like to get the joint business plan signed before year end."),
  no("signature", "Cheers, Jordan"),
  no("signature", "Sent from Outlook for iOS"),
  no("other", "You should receive an automated email from the portal once the registration is approved."),
  no("other", "Let's aim to have the plan signed by the QBR."),
  no("quoted", "-----Original Message-----"),
]);

// Friday 20 November 2026, 21:00 in Sydney; the partner.
const fromPartnerSydney = message({ sentAt: "2026-11-20T10:00:00Z", authorSide: "partner", timeZone: "Australia/Sydney" }, [
  yes("I'll send the renewal quote on Monday.", "partner", "2026-11-23"),
  yes("We will have the signed partner agreement back to you by Wednesday.", "partner", "2026-11-25"),
  yes("Our team will register the Westpac opportunity today.", "partner", "2026-11-20"),
  yes("I'll share the certification results tomorrow.", "partner", "2026-11-21"),
  yes("We'll run the joint customer workshop on 3 December.", "partner", "2026-12-03"),
  yes("Liam will send through the MDF proof of execution by end of next week.", "partner", "2026-11-27"),
  yes("I'll come back to you with the referral numbers in a week.", "partner", "2026-11-27"),
  yes("We're committed to delivering the three co-sell wins we promised by year end.", "partner", "2026-12-31"),
  yes("We will confirm the MDF budget for H1 by 15 December.", "partner", "2026-12-15"),
  no("question", "Any update on the deal registration for Westpac?"),
  no("request", "Would you mind resending the portal link?"),
  no("conditional", "If procurement signs off, we'll order the additional licences next week."),
  no("past", "We closed the Telstra deal yesterday!"),
  no("question", "Do you need anything else from us before the QBR?"),
  no("other", "Have a great weekend."),
  no("signature", "Liam O'Connor | Head of Partnerships ANZ | Mobile +61 400 000 000"),
  no("other", "I'm not sure we can make the December 3 date work."),
  no("other", "I'm out of office until 14 December with limited access to email."),
  no("quoted", "From: Liam O'Connor <liam@harbourit.com.au>"),
]);

// Monday 14 December 2026, 12:00 in New York; written by us.
const fromUsDecember = message({ sentAt: "2026-12-14T17:00:00Z", authorSide: "us", timeZone: "America/New_York" }, [
  yes("We'll finalize the 2027 partner program tiers by Q1.", "us", "2027-03-31"),
  yes("I'll send the holiday schedule for our support desk by Wednesday.", "us", "2026-12-16"),
  yes("Our finance team will pay out the Q4 referral fees before Christmas.", "us", "2026-12-25"),
  yes("I'll get the renewal order form to you by end of year.", "us", "2026-12-31"),
  yes("We will publish the 2027 MDF guidelines on 5 January.", "us", "2027-01-05"),
  yes("Ana will set up the kickoff call for the new reseller cohort next Monday.", "us", "2026-12-21"),
  yes("I'll send you the signed amendment today.", "us", "2026-12-14"),
  yes("I'll review your joint business plan draft by Thursday.", "us", "2026-12-17"),
  yes("I'm sending the co-sell incentive details over tomorrow.", "us", "2026-12-15"),
  no("question", "What's the best way to submit the deal registration over the holidays?"),
  no("conditional", "If your team can confirm the numbers, we'll close the books early."),
  no("past", "We paid the Q3 referral fees on 30 November."),
  no("question", "Could we schedule the QBR for the second week of January?"),
  no("request", "I would appreciate it if you could send the certification roster before the break."),
  no("other", "Happy holidays to you and the whole Brightpath team!"),
  no("signature", "Jordan Ellis | Senior Partner Manager | Northstack Inc."),
  no("disclaimer", "CONFIDENTIALITY NOTICE: The information in this email is intended only for the named recipient."),
  no("quoted", "> We will send the signed amendment by Friday."),
]);

// Monday 11 May 2026, 10:00 in Paris; the partner.
const fromPartnerMay = message({ sentAt: "2026-05-11T08:00:00Z", authorSide: "partner", timeZone: "Europe/Paris" }, [
  yes("I'll submit the MDF pre-approval request for the Lyon event by Thursday.", "partner", "2026-05-14"),
  yes("We will train five more of our consultants on your platform by the end of June.", "partner", "2026-06-30"),
  yes("I'll send you our top 20 target accounts for account mapping tomorrow.", "partner", "2026-05-12"),
  yes("Our presales lead will join your enablement call next Wednesday.", "partner", "2026-05-20"),
  yes("Claire will draft the joint customer story and share it by 22 May.", "partner", "2026-05-22"),
  yes("We'll get the signed referral agreement to you before the QBR on 4 June.", "partner", "2026-06-04"),
  yes("I'm going to chase the customer for the PO this week.", "partner", "2026-05-15"),
  yes("You'll see the co-branded landing page live by Friday.", "partner", "2026-05-15"),
  yes("I will make the introductions to the CIO at Groupe Marchand.", "partner"),
  yes("We'll take the lead on the Belgian accounts going forward.", "partner"),
  yes("I'll take care of the catering for the enablement day.", "partner"),
  no("question", "Can you confirm that the MDF covers travel?"),
  no("question", "Would your team be able to host the workshop in Paris?"),
  no("conditional", "I would send the deck, but it still has internal notes."),
  no("conditional", "If it's useful, I can introduce you to our CFO."),
  no("past", "We met with the customer on Friday and they liked the demo."),
  no("question", "Is the 4 June QBR still on?"),
  no("signature", "Bien cordialement, Claire Martin"),
  no("request", "Please don't forget to register the Groupe Marchand deal before Friday."),
  no("past", "Our legal team reviewed the referral agreement last week."),
  no("other", "It would be great if you could join the QBR."),
  no("quoted", ">> We'll register the deal tomorrow."),
]);

// Wednesday 7 October 2026, 10:20 in São Paulo; written by us.
const fromUsOctober = message({ sentAt: "2026-10-07T13:20:00Z", authorSide: "us", timeZone: "America/Sao_Paulo" }, [
  yes("I'll send the updated co-sell rules of engagement by Friday.", "us", "2026-10-09"),
  yes("We will process your deal registration within 48 hours.", "us", "2026-10-09"),
  yes("I'll set up the pipeline review with our regional VP for next Thursday.", "us", "2026-10-15"),
  yes("Our marketing team will send the campaign-in-a-box kit to your team tomorrow.", "us", "2026-10-08"),
  yes("I'll make sure the MDF funds are released by the 20th.", "us", "2026-10-20"),
  yes("We're going to give your SEs access to the sandbox by end of week.", "us", "2026-10-09"),
  yes("I'll sort out the commission split with our sales ops and let you know on Monday.", "us", "2026-10-12"),
  yes("Fernanda will send you the Portuguese versions of the sales decks in two weeks.", "us", "2026-10-21"),
  yes("You'll have the signed co-sell agreement from us by Tuesday.", "us", "2026-10-13"),
  yes("I'll chase our legal team about the NDA today.", "us", "2026-10-07"),
  yes("As discussed, your team will submit the MDF claim with invoices by 30 October.", "partner", "2026-10-30"),
  yes("I will send you a recap of today's call with action items.", "us"),
  no("request", "Can you send me the list of opportunities you want to register?"),
  no("conditional", "If the customer agrees, we will extend the trial."),
  no("past", "We sent the enablement invites on Monday."),
  no("question", "Is there anything blocking the registration on your side?"),
  no("question", "Would it make sense to bring in our solutions architect?"),
  no("other", "Thanks for the quick turnaround on the NDA."),
  no("past", "We had planned to launch the campaign in October."),
  no("signature", "Abraços, Rafael"),
  no("signature", "Rafael Souza | Channel Account Manager LATAM"),
  no("question", "Why don't we set up a call next week?"),
  no("question", "Who on your side will own the enablement track?"),
  no("other", "We will not be renewing the reseller agreement for the Nordics."),
  no("other", "Attached are the slides from today's enablement session."),
  no("other", "Our Q2 pricing will go up by 5%."),
]);

export const corpus: CorpusSentence[] = [
  ...fromUsMarch, ...fromPartnerMarch, ...fromPartnerEvening, ...fromUsTokyo, ...fromPartnerJune,
  ...fromUsSeptember, ...fromPartnerSydney, ...fromUsDecember, ...fromPartnerMay, ...fromUsOctober,
];
