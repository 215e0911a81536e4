/**
 * Correcting a record from the sidebar: a promise logged by mistake is
 * deleted, gone from the API at once, and Undo in the toast brings it back;
 * the toast takes its own line and covers nothing.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { utcDate } from "./harness/seed.ts";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible } from "./harness/expect.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const browser = useSignedInBrowser(env);

/** The API's status for a record: 200 while it exists, 404 once deleted. */
async function statusOf(path: string): Promise<number> {
  const response = await fetch(`${env.apiUrl}${path}`, { headers: { Authorization: `Bearer ${env.token}` } });
  await response.body?.cancel();
  return response.status;
}

describe("Delete with Undo in the sidebar", () => {
  it("deletes a promise, and Undo restores it as it was", async () => {
    const title = `Logged by mistake ${randomUUID().slice(0, 8)}`;
    const created = await api.post<{ id: string }>(`/v1/partners/${acme.id}/commitments`, { title, owed_by: "us", due_on: utcDate(12) });
    const b = browser();
    await b.openThread("A");
    const card = b.partnerCard(acme.name);
    const row = card.getByRole("region", { name: "Open commitments" }).locator("li", { hasText: title });
    await expectVisible(row, "the promise in the sidebar");

    await row.getByRole("button", { name: `Delete "${title}"`, exact: true }).click();
    const toast = b.panel().locator(".toast");
    await expectText(toast, `"${title}" deleted.`, "the toast");
    await expect.poll(() => statusOf(`/v1/commitments/${created.id}`), { message: "the promise gone from the API" }).toBe(404);
    await expectAbsent(row, "the deleted promise in the sidebar");

    // The toast sits below the scrolling body: nothing of the card is under it.
    const [toastBox, bodyBox] = await Promise.all([toast.boundingBox(), b.panel().locator(".panel-body").boundingBox()]);
    expect(toastBox!.y).toBeGreaterThanOrEqual(bodyBox!.y + bodyBox!.height - 0.5);

    await toast.getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(() => statusOf(`/v1/commitments/${created.id}`), { message: "the promise back in the API" }).toBe(200);
    const restored = await api.get<{ title: string; status: string; version: number }>(`/v1/commitments/${created.id}`);
    expect(restored).toMatchObject({ title, status: "open", version: 2 });
    await expectVisible(row, "the restored promise in the sidebar");
  });

  it("cancels a promise, and Undo opens it again", async () => {
    const title = `No longer needed ${randomUUID().slice(0, 8)}`;
    const created = await api.post<{ id: string }>(`/v1/partners/${acme.id}/commitments`, { title, owed_by: "partner", due_on: utcDate(20) });
    const b = browser();
    await b.openThread("A");
    const row = b.partnerCard(acme.name).getByRole("region", { name: "Open commitments" }).locator("li", { hasText: title });
    await row.getByRole("button", { name: `Cancel "${title}"`, exact: true }).click();
    await expect.poll(async () => (await api.get<{ status: string }>(`/v1/commitments/${created.id}`)).status).toBe("cancelled");
    await b.panel().locator(".toast").getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(async () => (await api.get<{ status: string }>(`/v1/commitments/${created.id}`)).status).toBe("open");
  });
});
