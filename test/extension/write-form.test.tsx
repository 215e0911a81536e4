import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FormFooter } from "../../extension/sidebar/forms/FormFooter.tsx";
import type { WriteOutcome } from "../../extension/sidebar/submit-write.ts";
import { useWriteForm } from "../../extension/sidebar/use-write-form.ts";

/** What every sidebar form does around its write: one form, the write supplied by the test. */
function Form({ write, clearDraft, onDone }: { write: () => Promise<WriteOutcome>; clearDraft: () => Promise<void>; onDone: () => void }) {
  const { error, saving, submitWith } = useWriteForm(clearDraft, onDone);
  return (
    <form onSubmit={submitWith(write)}>
      <FormFooter error={error} saving={saving} action="Save it" onClose={onDone} />
    </form>
  );
}

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(write: () => Promise<WriteOutcome>) {
  const clearDraft = vi.fn(async () => undefined);
  const onDone = vi.fn();
  host = document.createElement("div");
  document.body.append(host);
  act(() => render(<Form write={write} clearDraft={clearDraft} onDone={onDone} />, host));
  const submitButton = () => host.querySelector<HTMLButtonElement>("button[type=submit]")!;
  // The write's answer, the draft's clearing and the re-render all settle before the test looks.
  const submit = () => act(async () => {
    host.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { clearDraft, onDone, submitButton, submit };
}

describe("a sidebar form's write", () => {
  it("says it is saving and can't be sent twice until the write answers", async () => {
    let answer: (outcome: WriteOutcome) => void = () => undefined;
    const form = mount(() => new Promise((resolve) => (answer = resolve)));
    expect(form.submitButton().textContent).toBe("Save it");
    await form.submit();
    expect(form.submitButton().disabled).toBe(true);
    expect(form.submitButton().textContent).toBe("Saving…");
    await act(async () => answer({ state: "queued" }));
    expect(form.submitButton().disabled).toBe(false);
  });

  it("keeps what was typed and shows the refusal when the API refuses it", async () => {
    const form = mount(async () => ({ state: "failed", error: { code: "invalid", message: "title is required" } }));
    await form.submit();
    expect(host.querySelector(".form-error")!.textContent).toBe("title is required");
    expect(form.clearDraft).not.toHaveBeenCalled();
    expect(form.onDone).not.toHaveBeenCalled();
  });

  it("clears the draft and closes once the write is saved or queued", async () => {
    const form = mount(async () => ({ state: "synced", response: {} }));
    await form.submit();
    expect(form.clearDraft).toHaveBeenCalledOnce();
    expect(form.onDone).toHaveBeenCalledOnce();
    expect(host.querySelector(".form-error")).toBeNull();
  });
});
