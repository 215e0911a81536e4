import type { PartnerRow, Visibility } from "./demo-rows.ts";

/**
 * How a partnership has gone, as numbers the history generator turns into
 * interactions, commitments, referrals and goals. Each demo partner gets one
 * on purpose, so the health score has something different to say about each.
 */
export interface HealthProfile {
  /** When the relationship began. */
  startDaysAgo: number;
  /** The last interaction; activity stops here (a dormant partner went quiet). */
  lastContactDaysAgo: number;
  interactions: number;
  /** Share of emails and calls the partner started. */
  inboundShare: number;
  meetingShare: number;
  ourCommitments: number;
  theirCommitments: number;
  /** Chance a promise that came due was kept on time, per side. */
  ourOnTime: number;
  theirOnTime: number;
  referralsToUs: number;
  referralsToPartner: number;
  /** Days the receiving side takes to accept or reject a referral, per side. */
  ourResponseDays: readonly [number, number];
  theirResponseDays: readonly [number, number];
  winRate: number;
  goals: number;
  /** How far the goal has come, 0..1. */
  goalProgress: number;
  goalReviewedDaysAgo: number;
}

export interface DemoContact { name: string; title: string; email?: string; phone?: string }

export interface DemoPartner {
  name: string;
  kind: PartnerRow["kind"];
  tier: string | null;
  status: PartnerRow["status"];
  cadenceDays: number | null;
  domains: readonly string[];
  /** 15 characters; the 18-character form is derived with its checksum. */
  salesforceId15: string | null;
  hubspotCompanyId: string | null;
  currency: string;
  visibility: Visibility;
  businessModel: string | null;
  objectives: string | null;
  /** Days from now to the plan's renewal; null for a partner without a written plan. */
  renewalInDays: number | null;
  marginPercent: number | null;
  referralFeePercent: number | null;
  contacts: readonly DemoContact[];
  profile: HealthProfile;
}

/** The usual partnership; each demo partner's profile says only how it differs. */
const steady: HealthProfile = {
  startDaysAgo: 240, lastContactDaysAgo: 12, interactions: 16, inboundShare: 0.45, meetingShare: 0.2,
  ourCommitments: 3, theirCommitments: 3, ourOnTime: 0.8, theirOnTime: 0.75,
  referralsToUs: 2, referralsToPartner: 1, ourResponseDays: [1, 5], theirResponseDays: [2, 7],
  winRate: 0.45, goals: 1, goalProgress: 0.5, goalReviewedDaysAgo: 25,
};

/** Our own company in the demo workspace. */
export const demoCompany = { name: "Northwind Cloud", domain: "northwind-cloud.com" } as const;

export const demoTeam = [
  { email: "alex.morgan@northwind-cloud.com", role: "owner" },
  { email: "priya.shah@northwind-cloud.com", role: "admin" },
  { email: "sam.okafor@northwind-cloud.com", role: "member" },
  { email: "dana.whitfield@northwind-cloud.com", role: "viewer" },
] as const;

export const demoPartners: readonly DemoPartner[] = [
  {
    // Thriving and two-way: referrals flow both directions, promises kept.
    name: "Brightpath Solutions", kind: "reseller", tier: "Gold", status: "active", cadenceDays: 14,
    domains: ["brightpath-solutions.com"], salesforceId15: "001Dn01BrtPth5Q", hubspotCompanyId: "18350217761",
    businessModel: "Value-added reseller for mid-market SaaS; earns on margin plus a services practice for migrations.",
    objectives: "Grow recurring cloud revenue to 40% of their business; certify 6 engineers this year.",
    currency: "USD", visibility: "shared", renewalInDays: 120, marginPercent: 20, referralFeePercent: 10,
    contacts: [
      { name: "Maya Lindqvist", title: "VP Partnerships", phone: "+1 415 555 0142" },
      { name: "Tom Becker", title: "Sales Director" },
      { name: "Rosa Jimenez", title: "Solutions Engineer" },
    ],
    profile: {
      ...steady, startDaysAgo: 275, lastContactDaysAgo: 2, interactions: 34, inboundShare: 0.5,
      ourCommitments: 6, theirCommitments: 6, ourOnTime: 0.9, theirOnTime: 0.85, referralsToUs: 5, referralsToPartner: 4,
      ourResponseDays: [1, 3], theirResponseDays: [1, 3], winRate: 0.55, goals: 2, goalProgress: 0.8, goalReviewedDaysAgo: 9,
    },
  },
  {
    name: "Kestrel Harbour IT Ltd", kind: "msp", tier: "Silver", status: "active", cadenceDays: 30,
    domains: ["kestrelharbour.co.uk"], salesforceId15: null, hubspotCompanyId: "9204417735",
    businessModel: "Managed service provider for UK professional-services firms; bills per seat per month.",
    objectives: "Bundle our backup product into their managed tier; 50 customer tenants by year end.",
    currency: "GBP", visibility: "private", renewalInDays: 210, marginPercent: 25, referralFeePercent: null,
    contacts: [
      { name: "Oliver Pennington", title: "Managing Director", phone: "+44 20 7946 0321" },
      { name: "Hannah Clarke", title: "Service Delivery Manager" },
    ],
    profile: steady,
  },
  {
    // Two domains: the old brand is still on half the team's email.
    name: "Orbital Systems Integration", kind: "si", tier: "Platinum", status: "active", cadenceDays: 14,
    domains: ["orbital-si.com", "orbitalsystems.com"], salesforceId15: "001Dn01OrbSysIn", hubspotCompanyId: null,
    businessModel: "Systems integrator; fixed-price implementation projects and a small managed practice.",
    objectives: "Become our lead implementation partner in healthcare; 3 joint reference customers.",
    currency: "USD", visibility: "private", renewalInDays: 60, marginPercent: null, referralFeePercent: 12,
    contacts: [
      { name: "Daniel Osei", title: "Alliance Director" },
      { name: "Priyanka Rao", title: "Practice Lead, Healthcare", email: "priyanka.rao@orbitalsystems.com" },
      { name: "Lena Fischer", title: "Delivery Manager" },
    ],
    profile: {
      ...steady, startDaysAgo: 280, lastContactDaysAgo: 5, interactions: 26, inboundShare: 0.35,
      ourCommitments: 4, theirCommitments: 5, ourOnTime: 0.85, theirOnTime: 0.9,
      referralsToUs: 1, referralsToPartner: 4, ourResponseDays: [2, 5], theirResponseDays: [1, 4],
      goalProgress: 0.6, goalReviewedDaysAgo: 14,
    },
  },
  {
    name: "Lumen Analytics", kind: "isv", tier: "Technology", status: "active", cadenceDays: 30,
    domains: ["lumen-analytics.io"], salesforceId15: "001Dn01LumenAnl", hubspotCompanyId: "7731029948",
    businessModel: "ISV selling a BI add-on; integrates with our API and co-sells into shared accounts.",
    objectives: "Ship the certified connector and list it on both marketplaces.",
    currency: "USD", visibility: "private", renewalInDays: 300, marginPercent: null, referralFeePercent: 8,
    contacts: [
      { name: "Grace Liu", title: "Head of Partnerships" },
      { name: "Marco Bellini", title: "Product Manager, Integrations" },
    ],
    profile: { ...steady, startDaysAgo: 200, lastContactDaysAgo: 20, interactions: 14, ourResponseDays: [3, 8] },
  },
  {
    // One-sided: they send the leads and chase us; we answer late and miss promises.
    name: "O'Brien & Daughters Consulting", kind: "referral", tier: "Registered", status: "active", cadenceDays: 30,
    domains: ["obrien-daughters.com"], salesforceId15: "001Dn01OBrienDt", hubspotCompanyId: null,
    businessModel: "Boutique advisory firm in Dublin; earns referral fees, does no implementation.",
    objectives: "Recurring referral income from their CFO network; wants faster answers on submitted leads.",
    currency: "EUR", visibility: "private", renewalInDays: 45, marginPercent: null, referralFeePercent: 15,
    contacts: [
      { name: "Siobhan O'Brien", title: "Founder", phone: "+353 1 555 0199" },
      { name: "Aoife O'Brien", title: "Partner" },
    ],
    profile: {
      ...steady, startDaysAgo: 265, lastContactDaysAgo: 9, interactions: 18, inboundShare: 0.8, meetingShare: 0.1,
      ourCommitments: 5, theirCommitments: 2, ourOnTime: 0.2, theirOnTime: 1,
      referralsToUs: 6, referralsToPartner: 0, ourResponseDays: [12, 35], theirResponseDays: [1, 2],
      winRate: 0.3, goalProgress: 0.2, goalReviewedDaysAgo: 120,
    },
  },
  {
    name: "Cascade Distribution", kind: "distributor", tier: "Authorized", status: "active", cadenceDays: 30,
    domains: ["cascade-distribution.com"], salesforceId15: "001Dn01CascDist", hubspotCompanyId: null,
    businessModel: "Two-tier distributor; aggregates 300 small resellers and runs their billing.",
    objectives: "Recruit 20 of their resellers into our program through their marketplace.",
    currency: "USD", visibility: "private", renewalInDays: 150, marginPercent: 8, referralFeePercent: null,
    contacts: [
      { name: "Brian Keller", title: "Vendor Manager" },
      { name: "Anita Desai", title: "Marketplace Lead" },
    ],
    profile: { ...steady, startDaysAgo: 285, lastContactDaysAgo: 16, interactions: 15, referralsToUs: 1, referralsToPartner: 2 },
  },
  {
    // Dormant: nobody has spoken in five months.
    name: "Greyfield Networks", kind: "reseller", tier: "Silver", status: "dormant", cadenceDays: 30,
    domains: ["greyfieldnetworks.com"], salesforceId15: "001Dn01GreyfNet", hubspotCompanyId: "5518830021",
    businessModel: "Network-infrastructure reseller moving into cloud services.",
    objectives: "Was: first cloud deals in their installed base.",
    currency: "USD", visibility: "private", renewalInDays: 20, marginPercent: 18, referralFeePercent: null,
    contacts: [{ name: "Kevin Marsh", title: "Account Director" }],
    profile: {
      ...steady, startDaysAgo: 290, lastContactDaysAgo: 150, interactions: 9, ourOnTime: 0.6, theirOnTime: 0.4,
      goalProgress: 0.15, goalReviewedDaysAgo: 160,
    },
  },
  {
    // Active on paper, quiet in fact: three months past its 30-day cadence.
    name: "Tallis & Rowe", kind: "reseller", tier: "Registered", status: "active", cadenceDays: 30,
    domains: ["tallisrowe.com"], salesforceId15: null, hubspotCompanyId: null,
    businessModel: "Regional reseller for accounting firms.",
    objectives: null,
    currency: "USD", visibility: "private", renewalInDays: 90, marginPercent: 15, referralFeePercent: null,
    contacts: [{ name: "Eleanor Tallis", title: "Co-founder" }, { name: "James Rowe", title: "Co-founder" }],
    profile: {
      ...steady, startDaysAgo: 250, lastContactDaysAgo: 95, interactions: 8, ourCommitments: 2, theirCommitments: 1,
      referralsToUs: 1, referralsToPartner: 0, goalReviewedDaysAgo: 100,
    },
  },
  {
    // Brand new: one inbound email, nothing else yet.
    name: "Nimbus Ridge Managed Services", kind: "msp", tier: null, status: "prospect", cadenceDays: null,
    domains: ["nimbusridge.com"], salesforceId15: null, hubspotCompanyId: null,
    businessModel: null, objectives: null,
    currency: "USD", visibility: "private", renewalInDays: null, marginPercent: null, referralFeePercent: null,
    contacts: [{ name: "Felix Brandt", title: "CEO" }],
    profile: {
      ...steady, startDaysAgo: 6, lastContactDaysAgo: 4, interactions: 1, inboundShare: 1, meetingShare: 0,
      ourCommitments: 0, theirCommitments: 0, referralsToUs: 0, referralsToPartner: 0, goals: 0,
    },
  },
  {
    name: "Fernhill Software", kind: "isv", tier: null, status: "onboarding", cadenceDays: 14,
    domains: ["fernhill.dev"], salesforceId15: "001Dn01FernhSof", hubspotCompanyId: null,
    businessModel: "Developer-tools ISV; usage-based pricing.",
    objectives: "Launch a joint integration and a first co-marketing webinar.",
    currency: "USD", visibility: "private", renewalInDays: 365, marginPercent: null, referralFeePercent: 10,
    contacts: [{ name: "Ana Costa", title: "Partnerships Lead" }, { name: "Ravi Menon", title: "CTO" }],
    profile: {
      ...steady, startDaysAgo: 40, lastContactDaysAgo: 3, interactions: 7, meetingShare: 0.3,
      referralsToUs: 0, referralsToPartner: 0, goalProgress: 0.1, goalReviewedDaysAgo: 5,
    },
  },
  {
    // Ended honestly after a year of missed promises on both sides.
    name: "Meridian Tech Partners", kind: "si", tier: "Gold", status: "ended", cadenceDays: null,
    domains: ["meridiantechpartners.com"], salesforceId15: "001Dn01MeridTec", hubspotCompanyId: "3300912874",
    businessModel: "Large SI focused on ERP; we were a small line item for them.",
    objectives: null,
    currency: "USD", visibility: "private", renewalInDays: null, marginPercent: null, referralFeePercent: 10,
    contacts: [{ name: "Victor Alvarez", title: "Alliance Manager" }],
    profile: {
      ...steady, startDaysAgo: 290, lastContactDaysAgo: 65, interactions: 12, ourOnTime: 0.5, theirOnTime: 0.3,
      referralsToUs: 2, referralsToPartner: 2, winRate: 0.1, goalProgress: 0.1, goalReviewedDaysAgo: 90,
    },
  },
  {
    // We give more than we get: our referrals, their silence.
    name: "Quayside Cloud Services", kind: "reseller", tier: "Silver", status: "active", cadenceDays: 21,
    domains: ["quaysidecloud.com"], salesforceId15: null, hubspotCompanyId: "6120044519",
    businessModel: "Cloud reseller for retail chains.",
    objectives: "Attach our platform to their POS rollouts.",
    currency: "USD", visibility: "private", renewalInDays: 180, marginPercent: 20, referralFeePercent: 10,
    contacts: [{ name: "Nadia Haddad", title: "Partner Manager" }, { name: "Chris Doyle", title: "Sales Engineer" }],
    profile: {
      ...steady, startDaysAgo: 180, lastContactDaysAgo: 30, interactions: 12, inboundShare: 0.25,
      ourCommitments: 4, theirCommitments: 2, ourOnTime: 0.9, theirOnTime: 0.5,
      referralsToUs: 0, referralsToPartner: 3, theirResponseDays: [6, 20],
    },
  },
];
