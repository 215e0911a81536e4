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

  it("shares only a ticked form of a connected partner", () => {
    expect(sharedVisibility("Brightpath", true)).toEqual({ visibility: "shared" });
    expect(sharedVisibility("Brightpath", false)).toEqual({});
    expect(sharedVisibility(null, true)).toEqual({});
  });

  it("shows a partner's name as text, never as markup", () => {
    mount(<ShareToggle shareWith={'<img src=x onerror="alert(1)">'} checked={false} onChange={() => undefined} />);
    expect(host.querySelector("img")).toBeNull();
  });
});

describe("New from <partner>", () => {
  const facts = { workspace_name: "Brightpath", since: null, commitments: 2, referrals: 1, goals: 0, meetings: 0, interactions: 0 };

  it("counts what the partner shared since the last look", () => {
    mount(<NewFromPartner facts={facts} />);
    expect(host.textContent).toBe("New from Brightpath: 2 promises, 1 referral");
  });

  it("says nothing when nothing is new or the partner is not connected", () => {
    mount(<NewFromPartner facts={{ ...facts, commitments: 0, referrals: 0 }} />);
    expect(host.textContent).toBe("");
    act(() => render(<NewFromPartner facts={undefined} />, host));
    expect(host.textContent).toBe("");
  });
});
