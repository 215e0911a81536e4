import { useEffect, useState } from "preact/hooks";
import { pageUrl } from "../content/page-query.ts";
import { lookupState, pageContext } from "./store.ts";
import { submitWrite } from "./submit-write.ts";
import { findSuggestions, setAside, suggestions, type Suggestion } from "./suggestions-flow.ts";

function SuggestionRow({ suggestion, partnerId, partnerName, sourceUrl, ownAddress }: {
  suggestion: Suggestion; partnerId: string; partnerName: string; sourceUrl: string; ownAddress: string | null;
}) {
  const [saving, setSaving] = useState(false);
  const log = async () => {
    setSaving(true);
    const outcome = await submitWrite({
      action: "createCommitment",
      partnerId,
      body: {
        title: suggestion.title,
        owed_by: suggestion.owed_by,
        ...(suggestion.due_on ? { due_on: suggestion.due_on } : {}),
        ...(suggestion.owed_by === "us" && ownAddress ? { owner_email: ownAddress } : {}),
        source_url: sourceUrl,
      },
    }, `Promise "${suggestion.title}"`);
    setSaving(false);
    if (outcome.state !== "failed") await setAside(suggestion);
  };
  const who = suggestion.owed_by === "us" ? "We owe" : `${partnerName} owes`;
  return (
    <li class="suggestion">
      <q>{suggestion.sentence}</q>
      <p class="muted">{who}: {suggestion.title}{suggestion.due_on ? ` · due ${suggestion.due_on}` : ""}</p>
      <div role="group" aria-label={`Suggested promise: ${suggestion.title}`}>
        <button type="button" class="primary" disabled={saving} onClick={() => void log()}>Log promise</button>
        <button type="button" disabled={saving} onClick={() => void setAside(suggestion)}>Dismiss</button>
      </div>
    </li>
  );
}

/**
 * Promises the thread's newest messages seem to make, for one click to log
 * (as a promise with the partner the sidebar shows first) or to dismiss.
 * Found after the sidebar has painted; nothing is shown until then.
 */
export function Suggestions() {
  const context = pageContext.value;
  const state = lookupState.value;
  const match = state.status === "ready" ? state.data?.matches[0] : undefined;
  const threadId = context?.kind === "email" ? context.threadId : null;
  useEffect(() => {
    if (context?.kind !== "email" || !match) return;
    let live = true;
    void findSuggestions(context, match.partner.id, () => !live);
    return () => {
      live = false;
    };
  }, [threadId, match?.partner.id]);
  const found = suggestions.value;
  if (!match || context?.kind !== "email" || found?.threadId !== threadId || found.partnerId !== match.partner.id || found.items.length === 0) return null;
  return (
    <section class="suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Promises in this thread?</h2>
      <ul>
        {found.items.map((suggestion) => (
          <SuggestionRow key={`${suggestion.messageId}|${suggestion.sentence}`} suggestion={suggestion} partnerId={match.partner.id}
            partnerName={match.partner.name} sourceUrl={pageUrl(context, location.href)} ownAddress={context.ownAddress} />
        ))}
      </ul>
    </section>
  );
}
