import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { PlanResource } from "../../shared/schemas/plan.ts";

/** "Review the plan": the meeting write and the plan client are stand-ins; the form, its draft and the agenda are real. */
const stubs = vi.hoisted(() => ({
  meeting: { state: "queued" } as unknown,
  recordPlanReview: vi.fn(),
}));
vi.mock("../../extension/sidebar/submit-write.ts", () => ({ submitWrite: async () => stubs.meeting }));
vi.mock("../../extension/sidebar/plan-client.ts", () => ({
  readPlanReview: async () => ({ ok: false, error: { code: "x", message: "unused" } }),
  recordPlanReview: stubs.recordPlanReview,
}));
vi.mock("../../shared/plan/review-agenda.ts", () => ({ planReviewAgenda: () => "Goals vs pace:" }));
const clientModule = await import("../../extension/sidebar/plan-client.ts");
const { PlanReviewForm } = await import("../../extension/sidebar/forms/PlanReviewForm.tsx");
const { announcement } = await import("../../extension/sidebar/store.ts");

const partnerId = "ptr_000000000000000000000001";
const meetingId = "mtg_000000000000000000000009";
const plan: PlanResource = {
  partner_id: partnerId, version: 3, review_every_days: 90, written: true, updated_at: "2026-11-01T00:00:00.000Z",
  plan: { renewal_on: "2027-03-01", milestones: [{ title: "First deal", done: false }] },
};
const reviewed = { ...plan, version: 4, plan: { ...plan.plan, last_reviewed_at: "2026-12-01T12:00:00.000Z" } };

let host: HTMLElement;
const onReviewed = vi.fn();
const onClose = vi.fn();
beforeEach(() => {
  fakeBrowser.reset();
  announcement.value = "";
  stubs.recordPlanReview.mockReset().mockResolvedValue({ ok: true, data: { result: "saved", plan: reviewed } });
  onReviewed.mockReset();
  onClose.mockReset();
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mountAndSave(readReview: () => Promise<unknown>) {
  vi.spyOn(clientModule, "readPlanReview").mockImplementation(readReview as never);
  await act(async () => {
    render(<PlanReviewForm partnerId={partnerId} partnerName="Acme" plan={plan} sourceUrl="https://mail.google.com/mail/u/0/#inbox/T" attendees={[]} onReviewed={onReviewed} onClose={onClose} />, host);
  });
  await vi.waitFor(() => expect(host.querySelector("form")).not.toBeNull());
  expect(host.querySelector<HTMLTextAreaElement>("#meeting-agenda")!.value).toBe("Goals vs pace:");
  await act(async () => {
    const every = host.querySelector<HTMLInputElement>("#review-every")!;
    every.value = "60";
    every.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await act(async () => {
    host.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const review = async () => ({ ok: true, data: {} });

describe("reviewing the plan in a meeting", () => {
  it("records the review against the saved meeting, with what was decided", async () => {
    stubs.meeting = { state: "synced", response: { meeting: { id: meetingId }, interaction: {}, commitments: [] } };
    await mountAndSave(review);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(stubs.recordPlanReview).toHaveBeenCalledWith(partnerId, meetingId, { review_every_days: 60 });
    expect(onReviewed).toHaveBeenCalledWith(reviewed);
    expect(announcement.value).toBe("Plan review saved: meeting, promises and plan recorded.");
  });

  it("says the review is not recorded yet when the meeting is only queued, and records nothing", async () => {
    stubs.meeting = { state: "queued" };
    await mountAndSave(review);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(stubs.recordPlanReview).not.toHaveBeenCalled();
    expect(announcement.value).toMatch(/the plan review is not recorded yet/);
  });

  it("says so when the meeting is saved but the review is refused, without saving the meeting twice", async () => {
    stubs.meeting = { state: "synced", response: { meeting: { id: meetingId }, interaction: {}, commitments: [] } };
    stubs.recordPlanReview.mockResolvedValue({ ok: false, error: { code: "unreachable", message: "Can't reach the Mutual API." } });
    await mountAndSave(review);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onReviewed).not.toHaveBeenCalled();
    expect(announcement.value).toBe("The meeting is saved, but the review was not recorded: Can't reach the Mutual API.. Review the plan again to record it.");
  });
});
