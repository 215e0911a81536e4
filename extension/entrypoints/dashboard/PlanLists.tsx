import type { PlanDraft } from "../../../shared/plan/draft.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { Field, fieldId, MoneyInput, planFieldError } from "./plan-fields.tsx";

interface ListProps<K extends "documents" | "milestones" | "other_terms"> {
  items: PlanDraft[K];
  error: ErrorInfo | null;
  onChange: (items: PlanDraft[K]) => void;
}

/** Replaces one entry of a list. */
const replaced = <T,>(items: T[], index: number, change: Partial<T>) => items.map((item, i) => (i === index ? { ...item, ...change } : item));
const without = <T,>(items: T[], index: number) => items.filter((_, i) => i !== index);

/** Key documents: a title and an http(s) link each; added and removed in place. */
export function DocumentList({ items, error, onChange }: ListProps<"documents">) {
  return (
    <fieldset>
      <legend>Key documents</legend>
      {items.map((doc, index) => (
        <div class="row" key={index}>
          <Field field={`documents.${index}.title`} label={`Document ${index + 1} title`} error={error}>
            <input id={fieldId(`documents.${index}.title`)} value={doc.title} maxLength={200} onInput={(e) => onChange(replaced(items, index, { title: e.currentTarget.value }))} />
          </Field>
          <Field field={`documents.${index}.url`} label={`Document ${index + 1} link`} error={error}>
            <input id={fieldId(`documents.${index}.url`)} type="url" value={doc.url} placeholder="https://" onInput={(e) => onChange(replaced(items, index, { url: e.currentTarget.value }))} />
          </Field>
          <button type="button" onClick={() => onChange(without(items, index))}>Remove document {index + 1}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { title: "", url: "" }])}>Add document</button>
    </fieldset>
  );
}

/** Milestones: title, due date, done; a milestone tied to a goal keeps that tie. */
export function MilestoneList({ items, error, onChange }: ListProps<"milestones">) {
  return (
    <fieldset>
      <legend>Milestones</legend>
      {items.map((m, index) => (
        <div class="row" key={index}>
          <Field field={`milestones.${index}.title`} label={`Milestone ${index + 1}`} error={error}>
            <input id={fieldId(`milestones.${index}.title`)} value={m.title} maxLength={200} onInput={(e) => onChange(replaced(items, index, { title: e.currentTarget.value }))} />
          </Field>
          <Field field={`milestones.${index}.due_on`} label={`Milestone ${index + 1} due`} error={error}>
            <input id={fieldId(`milestones.${index}.due_on`)} type="date" value={m.due_on} onInput={(e) => onChange(replaced(items, index, { due_on: e.currentTarget.value }))} />
          </Field>
          <label class="inline"><input type="checkbox" checked={m.done} onChange={(e) => onChange(replaced(items, index, { done: e.currentTarget.checked }))} /> Done</label>
          <button type="button" onClick={() => onChange(without(items, index))}>Remove milestone {index + 1}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { title: "", due_on: "", done: false, goal_id: "" }])}>Add milestone</button>
    </fieldset>
  );
}

/** Commercial terms beyond margin, fee and MDF: a title, an amount and notes each. */
export function OtherTermList({ items, error, onChange }: ListProps<"other_terms">) {
  return (
    <fieldset>
      <legend>Other commercial terms</legend>
      {planFieldError(error, "terms.other") && items.length === 0 && <p class="field-error" role="alert">{planFieldError(error, "terms.other")}</p>}
      {items.map((term, index) => (
        <div class="row" key={index}>
          <Field field={`terms.other.${index}.title`} label={`Term ${index + 1}`} error={error}>
            <input id={fieldId(`terms.other.${index}.title`)} value={term.title} maxLength={200} onInput={(e) => onChange(replaced(items, index, { title: e.currentTarget.value }))} />
          </Field>
          <MoneyInput field={`terms.other.${index}.amount`} label={`Term ${index + 1} amount`} value={term.amount} error={error} onChange={(amount) => onChange(replaced(items, index, { amount }))} />
          <Field field={`terms.other.${index}.notes`} label={`Term ${index + 1} notes`} error={error}>
            <input id={fieldId(`terms.other.${index}.notes`)} value={term.notes} onInput={(e) => onChange(replaced(items, index, { notes: e.currentTarget.value }))} />
          </Field>
          <button type="button" onClick={() => onChange(without(items, index))}>Remove term {index + 1}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { title: "", amount: { amount: "", currency: "USD" }, notes: "" }])}>Add term</button>
    </fieldset>
  );
}
