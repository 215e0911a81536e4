import { daysBetween } from "./calendar.ts";

export interface CadencePartner {
  id: string;
  name: string;
  cadence_days: number | null;
  last_contact_at: string | null;
  created_at: string;
}

export interface PastCadence {
  partner_id: string;
  name: string;
  cadence_days: number;
  days_since_contact: number;
  last_contact_at: string | null;
}

/**
 * Active partnerships we have not been in touch with for longer than their
 * cadence (the workspace's default when they have none), longest overdue
 * first: "No contact with Brightpath for 32 days; your cadence is 14". A
 * partner never contacted counts from when it was added.
 */
export function partnersPastCadence(partners: CadencePartner[], now: Date, defaultCadenceDays: number): PastCadence[] {
  return partners
    .map((partner) => {
      const cadenceDays = partner.cadence_days ?? defaultCadenceDays;
      const days = daysBetween(new Date(partner.last_contact_at ?? partner.created_at), now);
      return { partner_id: partner.id, name: partner.name, cadence_days: cadenceDays, days_since_contact: days, last_contact_at: partner.last_contact_at };
    })
    .filter((entry) => entry.days_since_contact > entry.cadence_days)
    .sort((a, b) => b.days_since_contact - b.cadence_days - (a.days_since_contact - a.cadence_days) || a.name.localeCompare(b.name) || a.partner_id.localeCompare(b.partner_id));
}
