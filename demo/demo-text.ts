/**
 * Words for demo history. "{partner}" and "{contact}" (a first name) are
 * filled in per partner, so summaries read like real notes, not lorem ipsum.
 */
export const interactionSummaries = {
  inbound: [
    "{contact} asked for an update on the deal registration they sent last week.",
    "{contact} shared their Q-plan and asked where we can co-sell.",
    "{contact} flagged a pricing question from a customer in their pipeline.",
    "{contact} sent the signed addendum and asked about the next enablement session.",
    "{contact} asked for demo licences for two new sales engineers.",
    "{contact} introduced a customer evaluating us against a competitor.",
    "{contact} asked whether the referral fee applies to renewals.",
  ],
  outbound: [
    "Sent {contact} the updated partner price list and deal-registration rules.",
    "Followed up with {contact} on the open referral and next steps.",
    "Shared the new product roadmap deck with {contact}.",
    "Asked {contact} for a pipeline review before quarter end.",
    "Sent {contact} the certification track and exam vouchers.",
    "Introduced {contact} to our solutions engineer for the joint pitch.",
  ],
  call: [
    "Call with {contact}: walked through two deals at risk and agreed owners.",
    "Quick call with {contact} about onboarding their new sales hires.",
    "Call with {contact} on pricing for a multi-year renewal.",
  ],
  meeting: [
    "Quarterly business review with {partner}.",
    "Joint pipeline review with {contact}.",
    "Account-mapping session with {partner}.",
    "Enablement workshop for {partner}'s sales team.",
  ],
  event: [
    "Met {contact} at the partner summit; talked about next year's plan.",
    "Co-hosted a customer roundtable with {partner}.",
    "Joint webinar with {partner}; 140 registrations.",
  ],
  note: [
    "Internal note: {partner} is stretched on delivery capacity this quarter.",
    "Internal note: {contact} is the real decision maker, not the listed owner.",
    "Internal note: {partner} margin ask is above our standard terms; hold the line.",
  ],
} as const;

export const meetingDetails = [
  {
    title: "Quarterly business review",
    agenda: "1. Results against the plan\n2. Pipeline and referrals in both directions\n3. Goals for next quarter",
    notes: "Good quarter on sourced pipeline; referral response times still uneven. Both sides to tighten follow-up.",
    decisions: ["Keep the 20% margin for the next two quarters", "Monthly pipeline call from now on"],
  },
  {
    title: "Joint pipeline review",
    agenda: "1. Deals at risk\n2. Referrals waiting on an answer\n3. Who calls whom",
    notes: "Two deals need an executive sponsor from our side. One referral stalled in legal.",
    decisions: ["We assign an exec sponsor to the two at-risk deals"],
  },
  {
    title: "Account mapping",
    agenda: "1. Overlap of target accounts\n2. Where each side has a relationship\n3. First five plays",
    notes: "Found 14 overlapping accounts; five with a warm contact on their side.",
    decisions: ["Run plays on the top five accounts", "Share the account list in the partner folder"],
  },
  {
    title: "Enablement workshop",
    agenda: "1. Product update\n2. Demo practice\n3. Certification plan",
    notes: "Eight reps attended; demo environment was slow for the first hour.",
    decisions: ["Two more engineers sit the certification this quarter"],
  },
] as const;

export const commitmentTitles = {
  us: [
    "Send the co-marketing budget proposal",
    "Answer the pricing exception request",
    "Provide demo licences for their new hires",
    "Review the referral they submitted and respond",
    "Share the product roadmap under NDA",
    "Assign a solutions engineer to the joint pitch",
    "Pay out last quarter's referral fees",
  ],
  partner: [
    "Send the pipeline report for the quarter",
    "Book the certification exams for two engineers",
    "Introduce us to the CIO at their largest account",
    "Return the signed partner agreement",
    "Share the customer case study draft",
    "Register the retail deal before end of month",
  ],
} as const;

export const referralAccounts = [
  "Harborview Dental Group", "Pinecrest Logistics", "Atlas Freight Co.", "Silverline Credit Union",
  "Redwood Family Clinics", "Blue Mesa Hotels", "Granite State Insurance", "Copperfield Retail",
  "Summit Ridge Schools", "Lakeshore Manufacturing", "Evergreen Legal LLP", "Marlowe & Finch Architects",
  "Northgate Pharmacy", "Oakhurst Property Management", "Vantage Point Media", "Willow Creek Foods",
] as const;

export const goalTemplates = [
  { title: "Partner-sourced pipeline this half", metric: "pipeline_usd", target: 500_000 },
  { title: "Certified engineers", metric: "certified_engineers", target: 6 },
  { title: "Joint customer wins", metric: "won_deals", target: 8 },
  { title: "Referrals answered within 5 days", metric: "referrals_answered_on_time_percent", target: 90 },
] as const;

export const goalMilestones = [
  "Agree the joint plan", "First co-sell opportunity", "Enablement complete",
  "Mid-point review", "First joint win", "Case study published",
] as const;

export const syntheticNameParts = {
  first: [
    "Apex", "Blue", "Cedar", "Delta", "Echo", "Falcon", "Granite", "Harbor", "Iron", "Juniper",
    "Keystone", "Lighthouse", "Maple", "North", "Opal", "Pioneer", "Quarry", "River", "Summit", "Tidal",
  ],
  second: ["Ridge", "Point", "Bridge", "Field", "Stone", "Works", "Path", "Gate", "Line", "Crest"],
  kindWord: {
    reseller: "Solutions", msp: "Managed Services", si: "Consulting", isv: "Software",
    referral: "Advisory", distributor: "Distribution",
  },
} as const;

export const contactNames = {
  first: ["Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Reese", "Drew", "Sky"],
  last: ["Nguyen", "Patel", "Garcia", "Kim", "Smith", "Okoro", "Novak", "Silva", "Larsen", "Cohen", "Baker", "Ito"],
  titles: ["Partner Manager", "Sales Director", "Solutions Architect", "Alliance Lead", "CEO", "Account Executive"],
} as const;
