import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { PlanResource } from "../../shared/schemas/plan.ts";

/** The sidebar's plan section, with the API's answer supplied by the test (the plan client is the only thing replaced). */
const answers = vi.hoisted(() => ({ plan: null as unknown }));
vi.mock("../../extension/sidebar/plan-client.ts", () => ({
  readPlan: async () => ({ ok: true, data: answers.plan }),
  newerPlan: (read: unknown) => read,
  readPlanReview: async () => ({ ok: false, error: { code: "x", message: "not in this test" } }),
  recordPlanReview: async () => ({ ok: false, error: { code: "x", message: "not in this test" } }),
}));
const { PlanSection, planFoldedItem } = await import("../../extension/sidebar/PlanSection.tsx");

const partnerId = "ptr_000000000000000000000001";
const written: PlanResource = {
  partner_id: partnerId, version: 3, review_every_days: 90, written: true, updated_at: "2026-11-01T00:00:00.000Z",
  plan: {
    our_objectives: "Grow <b>UK</b> retail",
    partner_roles: ["Lead sourcing"],
    terms: { margin_percent: 20, mdf: { amount_minor: 2_500_000, currency: "EUR" } },
    documents: [
      { title: "Agreement", url: "https://docs.example/agreement.pdf" },
      { title: "<img src=x onerror=alert(1)>", url: "https://docs.example/x" },
    ],
    renewal_on: "2027-03-01",
    last_reviewed_at: new Date(Date.now() - 41 * 86_400_000 - 3_600_000).toISOString(),
  },
};

let host: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mount(plan: PlanResource) {
  answers.plan = plan;
  await act(async () => {
    render(<PlanSection partnerId={partnerId} partnerName="Acme" sourceUrl="https://mail.google.com/mail/u/0/#inbox/T" attendees={[]} />, host);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  await vi.waitFor(() => expect(host.querySelector("button.plan-toggle"), host.innerHTML).not.toBeNull());
  return host.querySelector<HTMLButtonElement>("button.plan-toggle")!;
}

describe("the sidebar's plan section", () => {
  it("is one line, folded, until opened; opened it shows the plan and stays open for the next card", async () => {
    const toggle = await mount(written);
    expect(toggle.textContent).toBe("Plan reviewed 41 days ago · renews 2027-03-01");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(host.textContent).not.toContain("Lead sourcing");
    await act(async () => toggle.click());
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(host.textContent).toContain("Lead sourcing");
    expect(host.textContent).toContain("Margin: 20%");
    expect(host.textContent).toContain("Market development funds: €25,000.00");
    expect(host.textContent).toContain("Review the plan");
    expect(await planFoldedItem.getValue()).toBe(false);
  });

  it("shows documents as titled links, and the plan's text only as text", async () => {
    await planFoldedItem.setValue(false);
    await mount(written);
    const links = [...host.querySelectorAll<HTMLAnchorElement>(".plan-details a")];
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Agreement", "https://docs.example/agreement.pdf"],
      ["<img src=x onerror=alert(1)>", "https://docs.example/x"],
    ]);
    expect(host.querySelector("img, b")).toBeNull();
    expect(host.textContent).toContain("Grow <b>UK</b> retail");
  });

  it("offers to write a plan that says nothing yet", async () => {
    const toggle = await mount({ ...written, written: false, plan: {} });
    expect(toggle.textContent).toBe("No written plan yet");
    const write = [...host.querySelectorAll("a")].find((a) => a.textContent === "Write it");
    expect(write?.getAttribute("href")).toBe(`/dashboard.html#plan/${partnerId}`);
  });
});
