import { useEffect, useRef, useState } from "preact/hooks";
import { fieldLabel } from "../../../shared/plan/describe.ts";
import { diffPlans, planPatchBetween } from "../../../shared/plan/diff.ts";
import { draftFromPlan, planFromDraft, type PlanDraft } from "../../../shared/plan/draft.ts";
import { planOneLine } from "../../../shared/plan/summary.ts";
import { partner as partnerSchema } from "../../../shared/schemas/partner.ts";
import type { PlanResource } from "../../../shared/schemas/plan.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { PlanReviewForm } from "../../sidebar/forms/PlanReviewForm.tsx";
import { readPlan, savePlan } from "../../sidebar/plan-client.ts";
import { ChangeText, PlanHistory } from "./PlanHistory.tsx";
import { PlanEditor } from "./PlanEditor.tsx";
import { fieldId } from "./plan-fields.tsx";
import { api } from "./use-pages.ts";

interface Conflict {
  theirs: PlanResource;
  changedBy: string | null;
}

/** "Not saved: Margin: must be a number; Key documents 1 link: …": every field named, first one focused by the caller. */
function errorSummary(issues: { path: string; message: string }[]): ErrorInfo {
  const named = issues.map((issue) => `${fieldLabel(issue.path.replace(/^body\./, "").replace(/\.\d+\..*$/, ""))} (${issue.path.replace(/^body\./, "")}): ${issue.message}`);
  return { code: "invalid_request", message: `Not saved: ${named.join("; ")}`, issues };
}

/** Focuses the field an error names, so a keyboard user lands where the fix is; else the error itself. */
function focusField(issuePath: string, fallback: HTMLElement | null): void {
  const path = issuePath.replace(/^body\./, "").split(".");
  setTimeout(() => {
    // "terms.mdf.amount_minor" is typed in the "terms.mdf" input: the longest part of the path that names one.
    for (let end = path.length; end > 0; end--) {
      const input = document.getElementById(fieldId(path.slice(0, end).join(".")));
      if (input) return input.focus();
    }
    fallback?.focus();
  }, 0);
}

/** Someone else saved the plan after it was loaded here: what they changed, and the two ways on; nothing typed is lost. */
function ConflictNotice({ base, conflict, onKeepMine, onTakeTheirs }: { base: PlanResource; conflict: Conflict; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const theirChanges = diffPlans(base.plan, conflict.theirs.plan);
  return (
    <div class="status problem" role="alert">
      <p><strong>Changed by {conflict.changedBy ?? "someone else"} meanwhile</strong> (now version {conflict.theirs.version}). Your changes are still here, not saved. Theirs:</p>
      <ul>{theirChanges.map((entry) => <ChangeText key={entry.field} entry={entry} />)}</ul>
      <button type="button" class="primary" onClick={onKeepMine}>Save my changes on top of theirs</button>
      <button type="button" onClick={onTakeTheirs}>Drop my changes, show theirs</button>
    </div>
  );
}

/**
 * The dashboard's page for one partner's plan: every field edited in place
 * and saved as a new version with If-Match, the history, and the diff
 * between any two versions. Saving sends only the fields changed here.
 */
export function PlanPage({ id }: { id: string }) {
  const [name, setName] = useState<string | null>(null);
  const [base, setBase] = useState<PlanResource | null>(null);
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState("");
  const [reviewing, setReviewing] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const show = (plan: PlanResource) => {
    setBase(plan);
    setDraft(draftFromPlan(plan.plan));
  };
  useEffect(() => {
    void api(`/v1/partners/${id}`, partnerSchema).then((reply) => (reply.ok ? setName(reply.data.name) : setError(reply.error)));
    void readPlan(id).then((reply) => (reply.ok ? show(reply.data) : setError(reply.error)));
  }, [id]);

  const failed = (problem: ErrorInfo) => {
    setError(problem.issues?.length ? errorSummary(problem.issues) : problem);
    focusField(problem.issues?.[0]?.path ?? "", errorRef.current);
  };

  const save = async (onto: PlanResource) => {
    if (!base || !draft) return;
    const checked = planFromDraft(draft);
    if (!checked.plan) return failed({ code: "invalid_request", message: "", issues: checked.errors.map((e) => ({ path: e.field, message: e.message })) });
    const patch = planPatchBetween(base.plan, checked.plan);
    if (Object.keys(patch).length === 0) return setSaved("Nothing changed.");
    setSaving(true);
    const reply = await savePlan(id, onto.version, patch);
    setSaving(false);
    if (!reply.ok) return failed(reply.error);
    setError(null);
    if (reply.data.result === "conflict") return setConflict(reply.data);
    setConflict(null);
    show(reply.data.plan);
    setSaved(`Saved as version ${reply.data.plan.version}.`);
  };

  if (!base || !draft || name === null) {
    return <main><a href={`#partner/${id}`}>← Partner</a>{error ? <p class="status problem" role="alert">{error.message}</p> : <p class="muted" role="status">Loading…</p>}</main>;
  }
  const onChange = (change: Partial<PlanDraft>) => {
    setSaved("");
    setDraft({ ...draft, ...change });
  };
  return (
    <main class="plan-page">
      <a href={`#partner/${id}`}>← {name}</a>
      <h1>Partnership plan: {name}</h1>
      <p class="muted">{planOneLine(base, new Date()).text} · version {base.version}</p>
      <button type="button" aria-expanded={reviewing} onClick={() => setReviewing(true)}>Review the plan</button>
      {reviewing && (
        <PlanReviewForm partnerId={id} partnerName={name} plan={base} sourceUrl="" attendees={[]}
          onReviewed={show} onClose={() => setReviewing(false)} />
      )}
      <form aria-label="The plan" noValidate onSubmit={(e) => { e.preventDefault(); void save(base); }}>
        {conflict && <ConflictNotice base={base} conflict={conflict} onKeepMine={() => void save(conflict.theirs)} onTakeTheirs={() => { setConflict(null); show(conflict.theirs); }} />}
        <PlanEditor draft={draft} partnerName={name} error={error} onChange={onChange} />
        {error && <p class="status problem" role="alert" tabIndex={-1} ref={errorRef}>{error.message}</p>}
        <p role="status">{saved}</p>
        <button type="submit" class="primary" disabled={saving}>{saving ? "Saving…" : "Save the plan"}</button>
      </form>
      <section aria-labelledby="plan-history"><h2 id="plan-history">History</h2><PlanHistory partnerId={id} version={base.version} /></section>
    </main>
  );
}
