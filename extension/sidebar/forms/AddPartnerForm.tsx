import type { PartnerKind, PartnerStatus } from "../../../shared/schemas/partner.ts";
import type { RecordLink } from "../../content/record-link.ts";
import { FieldError, fieldMessage } from "../FieldError.tsx";
import { submitWrite } from "../submit-write.ts";
import { useDraft } from "../use-draft.ts";
import { useWriteForm } from "../use-write-form.ts";
import { FormFooter } from "./FormFooter.tsx";
import { optionsOf, partnerKindLabels, partnerStatusLabels } from "../vocabulary.ts";

export interface AddPartnerFormProps {
  /** Prefill: the company's domain(s) and name as the page shows them. */
  domains: string[];
  name: string;
  contacts: string[];
  /** The page's record (a Salesforce Account, HubSpot company, LinkedIn page): the new partner is linked to it. */
  link: RecordLink | null;
  draftKey: string;
  onDone: () => void;
}

interface PartnerDraft {
  name: string;
  domains: string;
  people: string[];
  kind: PartnerKind;
  status: (typeof newPartnerStatuses)[number];
}

/** A partner added from a page is being set up or already live; dormant and ended come later. */
const newPartnerStatuses = ["prospect", "onboarding", "active"] as const satisfies readonly PartnerStatus[];

/** "Add partner" for a company the API doesn't know yet, prefilled from the page. */
export function AddPartnerForm({ domains, name, contacts, link, draftKey, onDone }: AddPartnerFormProps) {
  const [draft, update, clear] = useDraft<PartnerDraft>(`partner:${draftKey}`, () => ({ name, domains: domains.join(", "), people: contacts, kind: "reseller", status: "prospect" }));
  const { error, saving, submitWith } = useWriteForm(clear, onDone);

  const submit = submitWith(async () => {
    const outcome = await submitWrite(
      {
        action: "createPartner",
        body: {
          name: draft.name,
          kind: draft.kind,
          status: draft.status,
          domains: draft.domains.split(/[,\s]+/).map((d) => d.trim()).filter(Boolean),
          ...(link ? { [link.field]: link.value } : {}),
        },
      },
      `Partner "${draft.name}"`,
    );
    // The people in the thread become the partner's contacts once it exists.
    const created = outcome.state === "synced" ? (outcome.response as { id?: string } | null)?.id : undefined;
    if (created) {
      for (const email of draft.people) {
        await submitWrite({ action: "createContact", partnerId: created, body: { email } }, `Contact ${email}`);
      }
    }
    return outcome;
  });

  return (
    <form class="form" onSubmit={submit} aria-label="Add partner">
      <h3>Add partner</h3>
      <label for="partner-name">Company name</label>
      <input id="partner-name" value={draft.name} required maxLength={200} onInput={(e) => update({ name: e.currentTarget.value })} />
      <FieldError id="partner-name-error" message={fieldMessage(error, "body.name", "name")} />
      <label for="partner-domains">Email / web domains</label>
      <input id="partner-domains" value={draft.domains} onInput={(e) => update({ domains: e.currentTarget.value })} />
      <FieldError id="partner-domains-error" message={fieldMessage(error, "body.domains", "domains")} />
      <label for="partner-kind">Kind</label>
      <select id="partner-kind" value={draft.kind} onChange={(e) => update({ kind: e.currentTarget.value as PartnerDraft["kind"] })}>
        {optionsOf(partnerKindLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <label for="partner-status">Stage</label>
      <select id="partner-status" value={draft.status} onChange={(e) => update({ status: e.currentTarget.value as PartnerDraft["status"] })}>
        {optionsOf(partnerStatusLabels, newPartnerStatuses).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      {contacts.length > 0 && (
        <fieldset>
          <legend>Add as contacts</legend>
          {contacts.map((email) => (
            <label class="inline" key={email}>
              <input type="checkbox" checked={draft.people.includes(email)}
                onChange={(e) => update({ people: e.currentTarget.checked ? [...draft.people, email] : draft.people.filter((p) => p !== email) })} />
              {" "}{email}
            </label>
          ))}
        </fieldset>
      )}
      <FieldError id="partner-sf-error" message={fieldMessage(error, "body.salesforce_account_id", "salesforce_account_id")} />
      <FormFooter error={error} saving={saving} action="Add partner" onClose={onDone} />
    </form>
  );
}
