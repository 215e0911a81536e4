import { useEffect, useState } from "preact/hooks";
import { listEnvelope } from "../../../shared/schemas/common.ts";
import { partner } from "../../../shared/schemas/partner.ts";
import { connection, invitationCodePattern, type Connection } from "../../../shared/schemas/sharing.ts";
import { usePages } from "./use-pages.ts";
import { sharingCall } from "./sharing-call.ts";

/** What ending a connection does, per docs/sharing.md, said before anyone confirms it. */
export const endConnectionWarning = (name: string) =>
  `End the connection with ${name}? From now on nothing crosses, either way. Each side keeps the records it wrote, ` +
  `including what the other side changed on them (a promise they marked done stays done); nothing of ${name}'s records stays with you. ` +
  "To connect again, invite again.";

/** The code in what someone pasted: the code itself, or the invitation's link with the code after #code=. */
export function invitationCodeIn(pasted: string): string | null {
  const match = /mutual_inv_[0-9a-z]{32}/.exec(pasted.trim());
  return match && invitationCodePattern.test(match[0]) ? match[0] : null;
}

function AcceptInvitation({ onAccepted, prefill }: { onAccepted: () => void; prefill: string }) {
  const [pasted, setPasted] = useState(prefill);
  const [partnerId, setPartnerId] = useState("");
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const partners = usePages("/v1/partners?limit=100", partner);
  const accept = async (event: Event) => {
    event.preventDefault();
    const code = invitationCodeIn(pasted);
    if (!code) return setStatus({ text: "code: paste the invitation code (mutual_inv_…) or the link that holds it", problem: true });
    const reply = await sharingCall("POST", "/v1/connections", connection, { code, ...(partnerId ? { partner_id: partnerId } : {}) });
    if (!reply.ok) return setStatus({ text: reply.error.issues?.map((issue) => `${issue.path}: ${issue.message}`).join("; ") || reply.error.message, problem: true });
    setPasted("");
    setStatus({ text: `Connected with ${reply.data?.partner_workspace_name ?? "the partner company"}.`, problem: false });
    onAccepted();
  };
  return (
    <form onSubmit={(e) => void accept(e)} aria-labelledby="accept-heading">
      <h2 id="accept-heading">Accept an invitation</h2>
      <label for="invitation-code">Invitation code or link</label>
      <input id="invitation-code" required value={pasted} placeholder="mutual_inv_… or https://…/connect#code=…" onInput={(e) => setPasted(e.currentTarget.value)} />
      <label for="invitation-partner">Which of your partners is it?</label>
      <select id="invitation-partner" value={partnerId} onChange={(e) => setPartnerId(e.currentTarget.value)}>
        <option value="">Let Mutual match it by their email domains, or make a new one</option>
        {(partners.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <div><button type="submit" class="primary">Accept</button></div>
      {status && <p class={status.problem ? "status problem" : "status connected"} role={status.problem ? "alert" : "status"}>{status.text}</p>}
    </form>
  );
}

/** #connections: this workspace's connections with End connection, and Accept an invitation. */
export function ConnectionsPage({ prefill = "" }: { prefill?: string }) {
  const [items, setItems] = useState<Connection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => void sharingCall("GET", "/v1/connections", listEnvelope(connection)).then((reply) => (reply.ok ? setItems(reply.data?.items ?? []) : setError(reply.error.message)));
  useEffect(load, []);
  const end = async (item: Connection) => {
    if (!confirm(endConnectionWarning(item.partner_workspace_name))) return;
    const reply = await sharingCall("DELETE", `/v1/connections/${item.id}`, null);
    if (!reply.ok) setError(reply.error.message);
    load();
  };
  return (
    <main>
      <a href="#">← All partners</a>
      <h1>Connections</h1>
      <p class="muted">Partner companies on Mutual this workspace shares with. Only records marked shared cross; see each partner's page to invite one.</p>
      {error && <p class="status problem" role="alert">{error}</p>}
      {items && items.length === 0 && <p class="muted">No connections yet.</p>}
      {items && items.length > 0 && <ul class="connections">{items.map((item) => (
        <li key={item.id}>
          <a href={`#partner/${item.partner_id}`}>{item.partner_workspace_name}</a>: {item.ended_at ? `ended ${item.ended_at.slice(0, 10)} by ${item.ended_by === "us" ? "us" : "them"}` : `connected since ${item.created_at.slice(0, 10)}`}
          {!item.ended_at && <> · <button type="button" onClick={() => void end(item)}>End connection</button></>}
        </li>
      ))}</ul>}
      <AcceptInvitation onAccepted={load} prefill={prefill} />
    </main>
  );
}
