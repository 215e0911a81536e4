import { useEffect, useState } from "preact/hooks";
import { listEnvelope } from "../../../shared/schemas/common.ts";
import { guestLink, guestLinkCreated, type GuestLink } from "../../../shared/schemas/guest.ts";
import { invitation, invitationCreated, type Invitation } from "../../../shared/schemas/sharing.ts";
import { copyText, expiryWords, sharingCall } from "./sharing-call.ts";

interface Shown { label: string; value: string; expiresAt: string }

/** A code or link shown once, with a Copy button; it can't be shown again, so the page says so. */
function ShownOnce({ shown }: { shown: Shown }) {
  const [copied, setCopied] = useState("");
  return (
    <div class="shown-once" role="status">
      <label>{shown.label}<input readOnly value={shown.value} onFocus={(e) => e.currentTarget.select()} /></label>
      <button type="button" onClick={() => void copyText(shown.value).then(setCopied)}>Copy</button> <span class="muted">{copied}</span>
      <p class="muted">Shown once: copy it now. It {expiryWords(shown.expiresAt, new Date())}.</p>
    </div>
  );
}

/** "Connect with <partner> on Mutual": an invitation's code and link, and the partner's invitations with Revoke. */
function ConnectInvite({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const [items, setItems] = useState<Invitation[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/v1/partners/${partnerId}/invitations`;
  const load = () => void sharingCall("GET", path, listEnvelope(invitation)).then((reply) => (reply.ok ? setItems(reply.data?.items ?? []) : setError(reply.error.message)));
  useEffect(load, [partnerId]);
  const invite = async () => {
    const reply = await sharingCall("POST", path, invitationCreated);
    if (!reply.ok || !reply.data) return setError(reply.ok ? "No answer" : reply.error.message);
    setError(null);
    setShown({ label: "Invitation link (the code is in it)", value: reply.data.url, expiresAt: reply.data.expires_at });
    load();
  };
  const revoke = async (id: string) => {
    const reply = await sharingCall("DELETE", `/v1/invitations/${id}`, null);
    if (!reply.ok) setError(reply.error.message);
    load();
  };
  return (
    <div>
      <h3>Connect with {partnerName} on Mutual</h3>
      <p class="muted">If {partnerName} uses Mutual too, an owner or admin there accepts this invitation in their workspace; then each side sees what the other shares, from its own side.</p>
      <button type="button" onClick={() => void invite()}>Connect with {partnerName} on Mutual</button>
      {shown && <ShownOnce shown={shown} />}
      {error && <p class="status problem" role="alert">{error}</p>}
      {items.length > 0 && <ul class="invitations">{items.map((item) => (
        <li key={item.id}>Invitation of {item.created_at.slice(0, 10)}: {item.status}{item.status === "pending" && <> · {expiryWords(item.expires_at, new Date())} · <button type="button" onClick={() => void revoke(item.id)}>Revoke</button></>}</li>
      ))}</ul>}
    </div>
  );
}

const expiryChoices = [7, 30, 90];

/** "Share a guest page": a link for a partner company not on Mutual, its expiry chosen, and the links made so far with Revoke. */
function GuestLinks({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const [items, setItems] = useState<GuestLink[]>([]);
  const [days, setDays] = useState(30);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/v1/partners/${partnerId}/guest-links`;
  const load = () => void sharingCall("GET", path, listEnvelope(guestLink)).then((reply) => (reply.ok ? setItems(reply.data?.items ?? []) : setError(reply.error.message)));
  useEffect(load, [partnerId]);
  const share = async () => {
    const reply = await sharingCall("POST", path, guestLinkCreated, { expires_in_days: days });
    if (!reply.ok || !reply.data) return setError(reply.ok ? "No answer" : reply.error.message);
    setError(null);
    setShown({ label: "Guest page link", value: reply.data.url, expiresAt: reply.data.expires_at });
    load();
  };
  const revoke = async (id: string) => {
    const reply = await sharingCall("DELETE", `/v1/guest-links/${id}`, null);
    if (!reply.ok) setError(reply.error.message);
    load();
  };
  return (
    <div>
      <h3>Share a guest page</h3>
      <p class="muted">For a partner company not on Mutual: a page showing only what you mark shared with {partnerName} (plan if shared, promises both ways, goals, referrals). Their people can mark their own promises done and leave a comment.</p>
      <label for="guest-days">Works for</label>
      <select id="guest-days" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
        {expiryChoices.map((choice) => <option key={choice} value={choice}>{choice} days</option>)}
      </select>
      <button type="button" onClick={() => void share()}>Share a guest page</button>
      {shown && <ShownOnce shown={shown} />}
      {error && <p class="status problem" role="alert">{error}</p>}
      {items.length > 0 && <ul class="guest-links">{items.map((item) => (
        <li key={item.id}>Guest page of {item.created_at.slice(0, 10)}: {item.status}{item.status === "active" && <> · {expiryWords(item.expires_at, new Date())} · <button type="button" onClick={() => void revoke(item.id)}>Revoke</button></>}</li>
      ))}</ul>}
    </div>
  );
}

/** The partner page's sharing section (owners and admins; others see the API's refusal). */
export function PartnerSharing(props: { partnerId: string; partnerName: string }) {
  return (
    <>
      <ConnectInvite {...props} />
      <GuestLinks {...props} />
      <p><a href="#connections">Connections →</a></p>
    </>
  );
}
