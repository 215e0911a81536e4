import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import type { Health } from "../../shared/schemas/health.ts";
import { AddPartnerForm } from "../../extension/sidebar/forms/AddPartnerForm.tsx";
import { HealthBadge } from "../../extension/sidebar/HealthPanel.tsx";
import { healthBandLabels, partnerKindLabels, partnerStatusLabels } from "../../extension/sidebar/vocabulary.ts";

/** The sidebar's words for the API's values come from one table, whichever component shows them. */
let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement("div");
  document.body.append(host);
  render(node, host);
  return host;
}

describe("the UI's vocabulary", () => {
  it("the add-partner form offers every kind in the card's words (\"Referral partner\", not \"Referral\")", () => {
    const form = mount(<AddPartnerForm domains={["acme.co.uk"]} name="Acme" contacts={[]} link={null} draftKey="acme" onDone={() => undefined} />);
    const kinds = [...form.querySelectorAll<HTMLOptionElement>("#partner-kind option")].map((option) => [option.value, option.textContent]);
    expect(kinds).toEqual(Object.entries(partnerKindLabels));
    expect(kinds).toContainEqual(["referral", "Referral partner"]);
  });

  it("the form's stages are the status table's words for the statuses a new partner can have", () => {
    const form = mount(<AddPartnerForm domains={[]} name="Acme" contacts={[]} link={null} draftKey="acme" onDone={() => undefined} />);
    const stages = [...form.querySelectorAll<HTMLOptionElement>("#partner-status option")].map((option) => option.textContent);
    expect(stages).toEqual([partnerStatusLabels.prospect, partnerStatusLabels.onboarding, partnerStatusLabels.active]);
  });

  it("the health badge names its band from the band table", () => {
    const health = { score: 42, band: "at_risk" } as Health;
    const badge = mount(<HealthBadge health={health} />).querySelector(".badge")!;
    expect(badge.textContent).toBe(`42 · ${healthBandLabels.at_risk}`);
    expect(badge.getAttribute("aria-label")).toBe("Health 42, At risk");
  });
});
