import { CaptureNotice } from "./CaptureNotice.tsx";
import { HealthBadge } from "./HealthPanel.tsx";
import { PartnerCard, type PageFacts } from "./PartnerCard.tsx";
import { AddPartnerForm } from "./forms/AddPartnerForm.tsx";
import { collapsed, lookupState, openForm, outbox, pageContext } from "./store.ts";
import { PendingWrites, SettingsButton } from "./PendingWrites.tsx";
import { Toast } from "./Toast.tsx";
import { Suggestions } from "./Suggestions.tsx";
import { useShownTrends } from "./trends.ts";

export interface SidebarProps {
  page: PageFacts;
  /** Prefill for "Add partner" when nobody on the page is a known partner. */
  unknownCompany: { name: string; domains: string[]; contacts: string[] } | null;
  onToggle: () => void;
  /** In Chrome's side panel: the header's button closes the panel (there is nothing to collapse to). */
  closes?: boolean;
  /** A line above everything else (the side panel's word on the tab it follows). */
  status?: string | null;
}

function Body({ page, unknownCompany }: Omit<SidebarProps, "onToggle" | "closes" | "status">) {
  const context = pageContext.value;
  const state = lookupState.value;
  useShownTrends((state.data?.matches ?? []).map((match) => match.partner.id), state.status === "ready");
  if (context?.kind === "unreadable") {
    return <p class="notice" role="status">Mutual couldn't read this page ({context.reason}). The site may have changed its layout; the sidebar will work again once Mutual is updated.</p>;
  }
  if (!context || context.kind === "nothing-to-show") {
    return <p class="muted">Open an email thread or a partner's Account to see the partnership here.</p>;
  }
  if (state.error?.code === "not_configured") {
    return (
      <div class="notice" role="status">
        <p>Connect Mutual to your team's API to see partners here.</p>
        <SettingsButton label="Open settings" />
      </div>
    );
  }
  const matches = state.data?.matches ?? [];
  return (
    <>
      {state.status === "loading" && !state.data && <p class="muted" role="status">Looking up partners…</p>}
      {state.error && (
        <div class="notice" role="status">
          <p>{state.error.message}{state.data ? " Showing what was saved on this computer." : ""}</p>
          {state.error.code === "sign_in_again" && <SettingsButton />}
        </div>
      )}
      {state.fromCache && state.status === "loading" && <p class="muted refreshing">Refreshing…</p>}
      {matches.map((match) => <PartnerCard key={match.partner.id} match={match} page={page} />)}
      {state.status === "ready" && matches.length === 0 && (
        unknownCompany
          ? (openForm.value?.form === "addPartner"
            ? <AddPartnerForm {...unknownCompany} link={page.link} draftKey={unknownCompany.domains.join(",") || unknownCompany.name} onDone={() => (openForm.value = null)} />
            : (
              <div class="empty">
                <p>{unknownCompany.name || unknownCompany.domains.join(", ")} isn't a partner yet.</p>
                <button type="button" class="primary" onClick={() => (openForm.value = { form: "addPartner", partnerId: null })}>Add partner</button>
              </div>
            ))
          : <p class="muted">Nobody here is from a partner company.</p>
      )}
    </>
  );
}

/**
 * The sidebar: a slim tab with the score when collapsed, the whole picture
 * when open. Lives in its own extension frame; keys typed here never reach the page.
 */
export function Sidebar({ page, unknownCompany, onToggle, closes, status }: SidebarProps) {
  const first = lookupState.value.data?.matches[0] ?? null;
  if (collapsed.value) {
    return (
      <button type="button" class="tab" onClick={onToggle} aria-expanded="false" aria-label={`Open Mutual${first ? `: ${first.partner.name}` : ""}`}>
        <span class="tab-logo" aria-hidden="true">M</span>
        {first && <HealthBadge health={first.health} />}
      </button>
    );
  }
  return (
    <aside class="panel" aria-label="Mutual partner context">
      <header class="panel-head">
        <strong>Mutual</strong>
        {closes
          ? <button type="button" onClick={onToggle} aria-label="Close Mutual's side panel (Alt+Shift+M)">Close</button>
          : <button type="button" onClick={onToggle} aria-expanded="true" aria-label="Collapse Mutual (Alt+Shift+M)">Collapse</button>}
      </header>
      <div class="panel-body">
        {status && <p class="muted" role="status">{status}</p>}
        <PendingWrites view={outbox.value} shown={(write) => write.partnerId === null || (lookupState.value.data?.matches ?? []).some((m) => m.partner.id === write.partnerId)} />
        <CaptureNotice />
        <Suggestions />
        <Body page={page} unknownCompany={unknownCompany} />
      </div>
      <Toast />
    </aside>
  );
}
