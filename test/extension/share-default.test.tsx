import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The sidebar forms' "Share with <partner>" toggle starts from the
// workspace's default visibility, and every form of a connected partner says
// outright what it sends.

const stubs = vi.hoisted(() => ({ defaultVisibility: "private" as string, writes: [] as { body: { visibility?: string } }[] }));
vi.mock("../../extension/messaging/send.ts", () => ({
  send: async (message: { type: string }) => message.type === "sharing"
    ? { ok: true, data: { sharing: { default_visibility: stubs.defaultVisibility } } }
    : { ok: true, data: null },
}));
vi.mock("../../extension/sidebar/submit-write.ts", () => ({
  submitWrite: async (write: { body: { visibility?: string } }) => {
    stubs.writes.push(write);
    return { state: "synced", response: {} };
  },
}));

const { LogPromiseForm } = await import("../../extension/sidebar/forms/LogPromiseForm.tsx");
const shareDefault = await import("../../extension/sidebar/forms/share-default.ts");
const { sharedVisibility } = await import("../../extension/sidebar/forms/ShareToggle.tsx");

let host: HTMLElement;
beforeEach(() => {
  stubs.writes = [];
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
});

async function logPromise(shareWith: string | null) {
  act(() => render(<LogPromiseForm partnerId="ptr_000000000000000000000001" partnerName="Brightpath" sourceUrl="https://mail.google.com/x" ownerEmail={null} shareWith={shareWith} onDone={() => undefined} />, host));
  await settle();
  const title = host.querySelector<HTMLInputElement>("#promise-title")!;
  act(() => {
    title.value = "Send the EMEA list";
    title.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await settle();
}

const submit = () => act(async () => {
  host.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
});

describe("the Share toggle's starting point", () => {
  it("is the workspace's private default: unticked, says so, and the form sends private", async () => {
    stubs.defaultVisibility = "private";
    await logPromise("Brightpath");
    const box = host.querySelector<HTMLInputElement>(".share-toggle input[type=checkbox]")!;
    expect(box.checked).toBe(false);
    expect(host.querySelector(".share-note")!.textContent).toBe("Only your workspace sees this promise.");
    await submit();
    expect(stubs.writes.at(-1)!.body.visibility).toBe("private");
  });

  it("is ticked when the workspace shares by default, and unticking it sends private", async () => {
    stubs.defaultVisibility = "shared";
    shareDefault.forgetShareDefault();
    await shareDefault.askShareDefault();
    expect(shareDefault.workspaceDefaultVisibility.value).toBe("shared");
    await logPromise("Brightpath");
    const box = host.querySelector<HTMLInputElement>(".share-toggle input[type=checkbox]")!;
    expect(box.checked).toBe(true);
    expect(host.querySelector(".share-note")!.textContent).toBe("Brightpath will see this promise.");
    expect(sharedVisibility("Brightpath", undefined)).toEqual({ visibility: "shared" });
    act(() => box.click());
    await settle();
    expect(host.querySelector(".share-note")!.textContent).toBe("Only your workspace sees this promise.");
    await submit();
    expect(stubs.writes.at(-1)!.body.visibility).toBe("private");
  });

  it("offers no toggle and sends no visibility (private) for a partner not connected", async () => {
    await logPromise(null);
    expect(host.querySelector(".share-toggle")).toBeNull();
    await submit();
    expect(stubs.writes.at(-1)!.body.visibility).toBeUndefined();
  });
});
