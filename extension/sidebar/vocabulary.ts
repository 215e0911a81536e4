import type { HealthBand, TraitName } from "../../shared/schemas/health.ts";
import type { InteractionDirection, InteractionKind } from "../../shared/schemas/interaction.ts";
import type { PartnerKind, PartnerStatus } from "../../shared/schemas/partner.ts";
import type { ReferralStage } from "../../shared/schemas/referral.ts";

/**
 * The words the extension shows for the API's values, in one place: the
 * sidebar, its forms, the popup and the dashboard all say the same thing for
 * the same value. Each table is keyed by the shared schema's enum, so a new
 * value in the API does not compile until it has its words here.
 */
export const partnerKindLabels: Record<PartnerKind, string> = {
  reseller: "Reseller",
  msp: "MSP",
  si: "Systems integrator",
  isv: "ISV / technology",
  referral: "Referral partner",
  distributor: "Distributor",
};

export const partnerStatusLabels: Record<PartnerStatus, string> = {
  prospect: "Prospect",
  onboarding: "Onboarding",
  active: "Active",
  dormant: "Dormant",
  ended: "Ended",
};

export const healthBandLabels: Record<HealthBand, string> = {
  healthy: "Healthy",
  watch: "Watch",
  at_risk: "At risk",
  insufficient_data: "Not enough history yet",
};

export const traitLabels: Record<TraitName, string> = {
  trust: "Trust",
  respect: "Respect",
  collaboration: "Collaboration",
  success: "Success",
  goals: "Goals",
};

export const referralStageLabels: Record<ReferralStage, string> = {
  submitted: "Submitted",
  accepted: "Accepted",
  won: "Won",
  lost: "Lost",
  rejected: "Rejected",
};

/** A table's entries in its own order, for a <select>'s options. */
export function optionsOf<K extends string>(labels: Record<K, string>, only?: readonly K[]): [K, string][] {
  return (only ?? (Object.keys(labels) as K[])).map((value) => [value, labels[value]]);
}

export const interactionKindLabels: Record<InteractionKind, string> = {
  email: "Email",
  meeting: "Meeting",
  call: "Call",
  event: "Event",
  note: "Note",
};

/** Who reached out, said of the partner by name. */
export const interactionDirectionWords = (partnerName: string): Record<InteractionDirection, string> => ({
  inbound: `from ${partnerName}`,
  outbound: `to ${partnerName}`,
  both: "both ways",
});
