import { useState } from "preact/hooks";
import type { OutboxView, PendingWrite, WriteIdentity } from "../messaging/protocol.ts";
import { send } from "../messaging/send.ts";
import { describeIdentity } from "../messaging/write-identity.ts";
import { outbox } from "./store.ts";
import { refreshOutbox } from "./submit-write.ts";

/** Opens the options page, where the user signs in again. */
export function SettingsButton({ label = "Settings" }: { label?: string }) {
  return <button type="button" onClick={() => void send({ type: "openOptions" })}>{label}</button>;
}

function statusOf(write: PendingWrite, signInNeeded: boolean): string {
  if (write.failed) return `Refused: ${write.failed.message}`;
  return signInNeeded ? "saved here, waits for you to sign in again" : "saved, will sync";
}

async function discardAll(writes: PendingWrite[]): Promise<void> {
  for (const write of writes) {
    const reply = await send({ type: "discardWrite", id: write.id });
    if (reply.ok) outbox.value = reply.data;
  }
}

/**
 * Changes saved as someone other than who is signed in now: never sent as
 * the new sign-in, dropped only when the user says so, twice.
 */
function HeldGroup({ identity, writes }: { identity: WriteIdentity; writes: PendingWrite[] }) {
  const [confirming, setConfirming] = useState(false);
  const count = writes.length === 1 ? "1 change" : `${writes.length} changes`;
  return (
    <li class="held">
      <p>{count} saved as {describeIdentity(identity)} {writes.length === 1 ? "waits" : "wait"} for that sign-in.</p>
      <ul>{writes.map((write) => <li key={write.id}>{write.label}</li>)}</ul>
      {confirming
        ? (
          <div class="row-actions" role="group" aria-label={`Discard ${count}?`}>
            <span>Discard {count} for good?</span>
            <button type="button" onClick={() => void discardAll(writes)}>Yes, discard</button>
            <button type="button" onClick={() => setConfirming(false)}>Keep</button>
          </div>
        )
        : <button type="button" onClick={() => setConfirming(true)}>Discard</button>}
    </li>
  );
}

export interface PendingWritesProps {
  view: OutboxView;
  /** Of the signed-in member's writes, the ones about this page's partners (and new partners). */
  shown: (write: PendingWrite) => boolean;
}

/** What is saved on this computer and not yet in the API, and why. */
export function PendingWrites({ view, shown }: PendingWritesProps) {
  const writes = view.writes.filter(shown);
  if (writes.length === 0 && view.held.length === 0) return null;
  return (
    <section class="pending" aria-label="Waiting to sync">
      <h3>Saved here, waiting to sync</h3>
      {view.signInNeeded && (
        <div class="notice" role="status">
          <p>Mutual's API no longer accepts this computer's token. Sign in again to send these changes.</p>
          <SettingsButton />
        </div>
      )}
      {writes.length > 0 && (
        <ul>
          {writes.map((write) => (
            <li key={write.id} class={write.failed ? "failed" : ""}>
              <span>{write.label}</span>{" "}
              <span class="muted">{statusOf(write, view.signInNeeded)}</span>
              {write.failed && <button type="button" onClick={() => void discardAll([write])}>Discard</button>}
            </li>
          ))}
        </ul>
      )}
      {view.held.length > 0 && (
        <ul class="held-list" aria-label="Waiting for another sign-in">
          {view.held.map((group) => <HeldGroup key={group.identity.tokenHash + (group.identity.memberId ?? "")} identity={group.identity} writes={group.writes} />)}
        </ul>
      )}
      {writes.length > 0 && !view.signInNeeded && (
        <button type="button" onClick={async () => {
          await send({ type: "flushOutbox" });
          await refreshOutbox();
        }}>Retry now</button>
      )}
    </section>
  );
}
