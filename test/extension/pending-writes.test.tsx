import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { OutboxView, PendingWrite, WriteIdentity } from "../../extension/messaging/protocol.ts";
import { PendingWrites } from "../../extension/sidebar/PendingWrites.tsx";

const ana: WriteIdentity = { apiUrl: "http://api.test", tokenHash: "0123456789abcdef", memberId: "mem_ana", email: "ana@acme.com", workspaceId: "wsp_acme", workspaceName: "Acme" };
const write = (label: string, extra: Partial<PendingWrite> = {}): PendingWrite => ({
  id: label, label, partnerId: null, method: "POST", path: "/v1/partners", body: {}, idempotencyKey: label,
  createdAt: "2026-12-01T00:00:00.000Z", attempts: 1, nextAttemptAt: "2026-12-01T00:00:02.000Z", failed: null, lastError: null, identity: ana, ...extra,
});

let host: HTMLElement;
function show(view: OutboxView): HTMLElement {
  host = document.createElement("div");
  document.body.append(host);
  act(() => render(<PendingWrites view={view} shown={() => true} />, host));
  return host;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

const button = (root: HTMLElement, name: string) => [...root.querySelectorAll("button")].find((b) => b.textContent === name);

describe("the writes waiting to sync", () => {
  it("puts a space between a write's label and its state", () => {
    const root = show({ writes: [write('Promise "Call when the API is down"')], signInNeeded: false, held: [] });
    expect(root.querySelector("li")!.textContent).toBe('Promise "Call when the API is down" saved, will sync');
  });

  it("says to sign in again, with a Settings button, instead of 'will sync' when the token was refused", () => {
    const root = show({ writes: [write("Partner \"Hooli\"")], signInNeeded: true, held: [] });
    expect(root.textContent).toContain("Mutual's API no longer accepts this computer's token. Sign in again to send these changes.");
    expect(root.textContent).not.toContain("will sync");
    expect(button(root, "Settings")).toBeDefined();
    expect(button(root, "Retry now")).toBeUndefined();
  });

  it("lists another member's writes by who they wait for, and discards them only once confirmed", () => {
    const root = show({ writes: [], signInNeeded: false, held: [{ identity: ana, writes: [write("a"), write("b")] }] });
    expect(root.textContent).toContain("2 changes saved as ana@acme.com in workspace Acme wait for that sign-in.");
    act(() => button(root, "Discard")!.click());
    expect(root.textContent).toContain("Discard 2 changes for good?");
    act(() => button(root, "Keep")!.click());
    expect(root.textContent).not.toContain("for good?");
    expect(button(root, "Discard")).toBeDefined();
  });
});
