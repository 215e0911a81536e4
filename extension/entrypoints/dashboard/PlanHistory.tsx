import { useEffect, useState } from "preact/hooks";
import { describeValue, fieldLabel } from "../../../shared/plan/describe.ts";
import { diffPlans, withListChanges, type PlanDiffEntry } from "../../../shared/plan/diff.ts";
import type { PlanVersion } from "../../../shared/schemas/plan.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { readPlanHistory, readPlanVersion } from "../../sidebar/plan-client.ts";

const locale = () => navigator.language;
const when = (at: string) => new Date(at).toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" });

/** One field's change, in words: lists say what came and went, the rest before → after. */
export function ChangeText({ entry }: { entry: PlanDiffEntry }) {
  const listed = entry.added.length + entry.removed.length > 0;
  return (
    <li>
      <strong>{fieldLabel(entry.field)}</strong>:{" "}
      {listed ? (
        <>
          {entry.added.length > 0 && <span class="added">added {describeValue(entry.added, locale())}</span>}
          {entry.added.length > 0 && entry.removed.length > 0 && "; "}
          {entry.removed.length > 0 && <span class="removed">removed {describeValue(entry.removed, locale())}</span>}
        </>
      ) : <>{describeValue(entry.before, locale())} → {describeValue(entry.after, locale())}</>}
    </li>
  );
}

function VersionDiff({ partnerId, versions }: { partnerId: string; versions: PlanVersion[] }) {
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]!.version);
  const [to, setTo] = useState(versions[0]!.version);
  const [diff, setDiff] = useState<PlanDiffEntry[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    setDiff(null);
    // Picking "From" then "to" asks twice: only the latest pair's answer may be drawn.
    let current = true;
    void Promise.all([readPlanVersion(partnerId, from), readPlanVersion(partnerId, to)]).then(([a, b]) => {
      if (!current) return;
      if (!a.ok) return setError(a.error);
      if (!b.ok) return setError(b.error);
      setError(null);
      setDiff(diffPlans(a.data.plan, b.data.plan));
    });
    return () => {
      current = false;
    };
  }, [partnerId, from, to]);
  const picker = (id: string, label: string, value: number, set: (v: number) => void) => (
    <>
      <label class="inline" for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.currentTarget.value))}>
        {versions.map((v) => <option key={v.version} value={v.version}>Version {v.version} ({when(v.changed_at)})</option>)}
      </select>
    </>
  );
  return (
    <section aria-labelledby="plan-diff">
      <h3 id="plan-diff">Compare two versions</h3>
      <p>{picker("diff-from", "From", from, setFrom)} {picker("diff-to", "to", to, setTo)}</p>
      <div role="status">
        {error && <p class="status problem">{error.message}</p>}
        {!error && !diff && <p class="muted">Comparing…</p>}
        {diff && (diff.length === 0 ? <p class="muted">No differences.</p> : <ul class="plan-diff">{diff.map((entry) => <ChangeText key={entry.field} entry={entry} />)}</ul>)}
      </div>
    </section>
  );
}

/** Every version of the plan, newest first: who changed which fields, when, and whether in a review; and the diff between any two. */
export function PlanHistory({ partnerId, version }: { partnerId: string; version: number }) {
  const [versions, setVersions] = useState<PlanVersion[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    void readPlanHistory(partnerId).then((reply) => (reply.ok ? setVersions(reply.data.items) : setError(reply.error)));
  }, [partnerId, version]);
  if (error) return <p class="status problem" role="alert">{error.message}</p>;
  if (!versions) return <p class="muted" role="status">Loading the plan's history…</p>;
  if (versions.length === 0) return <p class="muted">No changes yet.</p>;
  return (
    <>
      <ol class="plan-history" reversed>
        {versions.map((v) => (
          <li key={v.version}>
            <p>
              <strong>Version {v.version}</strong>, {when(v.changed_at)}, by {v.changed_by?.email ?? "someone no longer in the workspace"}
              {v.meeting_id && " in a plan review"}
            </p>
            <ul>{v.changes.map((change) => <ChangeText key={change.field} entry={withListChanges(change)} />)}</ul>
          </li>
        ))}
      </ol>
      {versions.length > 1 && <VersionDiff partnerId={partnerId} versions={versions} />}
    </>
  );
}
