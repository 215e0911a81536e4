import type { ComponentChildren } from "preact";
import { fieldLabel } from "../../../shared/plan/describe.ts";
import type { MoneyDraft } from "../../../shared/plan/draft.ts";
import { formatMoney, minorFromText } from "../../../shared/plan/money.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { fieldMessage } from "../../sidebar/FieldError.tsx";

/** The message for a plan field, whether the form or the API found it ("terms.mdf" also covers "terms.mdf.currency"). */
export const planFieldError = (error: ErrorInfo | null, field: string) => fieldMessage(error, field, `body.${field}`);

/** The field's id in the page, from its name in the plan. */
export const fieldId = (field: string) => `plan-${field.replaceAll(".", "-")}`;

export interface FieldProps {
  field: string;
  label?: string;
  error: ErrorInfo | null;
  children: ComponentChildren;
}

/** A labelled control with its error beside it, named so a screen reader reads both. */
export function Field({ field, label, error, children }: FieldProps) {
  const message = planFieldError(error, field);
  return (
    <div class={message ? "field invalid" : "field"}>
      <label for={fieldId(field)}>{label ?? fieldLabel(field)}</label>
      {children}
      {message && <p class="field-error" id={`${fieldId(field)}-error`} role="alert">{label ?? fieldLabel(field)}: {message}</p>}
    </div>
  );
}

export interface MoneyInputProps {
  field: string;
  label?: string;
  value: MoneyDraft;
  error: ErrorInfo | null;
  onChange: (value: MoneyDraft) => void;
}

/** An amount and its currency, with the amount as it reads in the user's locale. */
export function MoneyInput({ field, label, value, error, onChange }: MoneyInputProps) {
  const currency = value.currency.trim().toUpperCase();
  const minor = /^[A-Z]{3}$/.test(currency) ? minorFromText(value.amount, currency) : null;
  return (
    <Field field={field} label={label} error={error}>
      <span class="money">
        <input id={fieldId(field)} type="number" min={0} step="any" inputMode="decimal" value={value.amount}
          aria-describedby={`${fieldId(field)}-shown`} onInput={(e) => onChange({ ...value, amount: e.currentTarget.value })} />
        <input class="currency" aria-label={`${label ?? fieldLabel(field)} currency`} value={value.currency} maxLength={3}
          onInput={(e) => onChange({ ...value, currency: e.currentTarget.value.toUpperCase() })} />
        <output id={`${fieldId(field)}-shown`} class="muted">{minor === null ? "" : formatMoney({ amount_minor: minor, currency }, navigator.language)}</output>
      </span>
    </Field>
  );
}
