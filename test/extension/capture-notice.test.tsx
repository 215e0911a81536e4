import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";
import { CaptureNotice } from "../../extension/sidebar/CaptureNotice.tsx";
import { captureNotice } from "../../extension/sidebar/capture-flow.ts";
import { pageContext } from "../../extension/sidebar/store.ts";
import type { CaptureReceipt } from "../../extension/messaging/capture-messages.ts";

/** "2 emails from this thread logged · Undo", and silence when nothing new was logged. */
let host: HTMLElement;
const receipt = (state: CaptureReceipt["state"], count = 2): CaptureReceipt => ({ state, count, captureId: null, outboxId: null, error: null });
const onThread = (threadId: string) => {
  pageContext.value = { kind: "email", site: "gmail", threadId, messageIds: [], subject: null, ownAddress: null, emails: [], url: "https://mail.google.com/mail/u/0/#inbox/T1" };
};

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener((request, _sender, sendResponse) => {
    void handleRequest(request).then(sendResponse);
    return true;
  });
  host = document.createElement("div");
  document.body.append(host);
  onThread("T1");
});
afterEach(() => {
  render(null, host);
  host.remove();
  captureNotice.value = null;
  pageContext.value = null;
});

const shown = () => {
  render(<CaptureNotice />, host);
  return host.textContent ?? "";
};

describe("<CaptureNotice>", () => {
  it("says how many emails of this thread were logged, with Undo", () => {
    captureNotice.value = { threadId: "T1", partnerName: "Acme", receipt: receipt("logged"), undo: null };
    expect(shown()).toBe("2 emails from this thread logged · Undo");
    captureNotice.value = { threadId: "T1", partnerName: "Acme", receipt: receipt("queued", 1), undo: null };
    expect(shown()).toBe("1 email from this thread saved, will be logged when Mutual's API answers · Undo");
  });

  it("says nothing when nothing new was logged, capture is off, or it is about another thread", () => {
    for (const state of ["already", "off"] as const) {
      captureNotice.value = { threadId: "T1", partnerName: "Acme", receipt: receipt(state, 0), undo: null };
      expect(shown()).toBe("");
    }
    captureNotice.value = { threadId: "T0", partnerName: "Acme", receipt: receipt("logged"), undo: null };
    expect(shown()).toBe("");
  });

  it("says why when Undo could not be done, and keeps the button", async () => {
    captureNotice.value = { threadId: "T1", partnerName: "Acme", receipt: receipt("queued"), undo: null };
    shown();
    host.querySelector("button")!.click();
    await vi.waitFor(() => expect(host.textContent).toContain("can't be found to undo"));
    expect(host.querySelector("button")).not.toBeNull();
  });
});
