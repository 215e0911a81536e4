import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NewFromPartner } from "../../extension/sidebar/NewFromPartner.tsx";
import { ShareToggle, sharedVisibility } from "../../extension/sidebar/forms/ShareToggle.tsx";

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(node: preact.ComponentChild) {
  host = document.createElement("div");
  document.body.append(host);
  act(() => render(node, host));
}

describe("the Share with <partner> toggle", () => {
  it("is offered only when the partner is connected, unticked", () => {
    mount(<ShareToggle shareWith={null} checked={false} onChange={() => undefined} />);
    expect(host.textContent).toBe("");
    render(null, host);
    const onChange = vi.fn();
    act(() => render(<ShareToggle shareWith="Brightpath" checked={false} onChange={onChange} />, host));
    expect(host.textContent).toContain("Share with Brightpath");
    const box = host.querySelector<HTMLInputElement>("input[type=checkbox]")!;
    expect(box.checked).toBe(false);
    act(() => box.click());
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it("shares only a ticked form of a connected partner, and says private outright for an unticked one", () => {
    expect(sharedVisibility("Brightpath", true)).toEqual({ visibility: "shared" });
    expect(sharedVisibility("Brightpath", false)).toEqual({ visibility: "private" });
    expect(sharedVisibility(null, true)).toEqual({});
  });

  it("shows a partner's name as text, never as markup", () => {
    mount(<ShareToggle shareWith={'<img src=x onerror="alert(1)">'} checked={false} onChange={() => undefined} />);
    expect(host.querySelector("img")).toBeNull();
  });
});

describe("New from <partner>", () => {
  const facts = { workspace_name: "Brightpath", since: null, commitments: 2, referrals: 1, goals: 0, meetings: 0, interactions: 0, done_by_them: [] };

  it("counts what the partner shared since the last look", () => {
    mount(<NewFromPartner facts={facts} />);
    expect(host.textContent).toBe("New from Brightpath: 2 promises, 1 referral");
  });

  it("names who at the partner company marked a promise done", () => {
    const done = {
      id: "cmt_000000000000000000000001", partner_id: "ptr_000000000000000000000001", title: "Send the EMEA list", owed_by: "us" as const,
      owner_email: null, due_on: null, status: "done" as const, completed_at: "2026-11-30T10:00:00.000Z", source_url: null, meeting_id: null,
      visibility: "shared" as const, version: 2, created_at: "2026-11-29T10:00:00.000Z", updated_at: "2026-11-30T10:00:00.000Z",
      changed_by: { side: "theirs" as const, workspace_name: "Brightpath", member_email: "sam@brightpath.com" },
    };
    mount(<NewFromPartner facts={{ ...facts, commitments: 0, referrals: 0, done_by_them: [done] }} />);
    expect(host.textContent).toBe("Send the EMEA list: done by sam@brightpath.com (Brightpath)");
  });

  it("says nothing when nothing is new or the partner is not connected", () => {
    mount(<NewFromPartner facts={{ ...facts, commitments: 0, referrals: 0 }} />);
    expect(host.textContent).toBe("");
    act(() => render(<NewFromPartner facts={undefined} />, host));
    expect(host.textContent).toBe("");
  });
});
