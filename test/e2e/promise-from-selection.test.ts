/**
 * A promise from the words that made it: a suggestion from thread A logged
 * with one click, and a sentence selected in a message logged through the
 * prefilled form, each with the due date read against the message's own date
 * (Monday 16 November 2026: "by end of week" is Friday the 20th) and the side
 * of its sender. Checked in the API's own data.
 */
import { describe, expect, it } from "vitest";
import { apiClient, type Commitment } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible, patience } from "./harness/expect.ts";
import { thread, threadUrl } from "./harness/mailbox.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const browser = useSignedInBrowser(env);

/** Thread A's second message, from us: "Thanks Jo, on it. I'll send it by end of week." */
const sentence = "I'll send it by end of week.";
const dueOn = "2026-11-20";

async function sendItPromises(): Promise<Commitment[]> {
  const all = await api.list<Commitment>(`/v1/commitments?partner_id=${acme.id}`);
  return all.filter((commitment) => commitment.title === "Send it" && commitment.due_on === dueOn);
}

describe("Promises from the words in Gmail", () => {
  it("suggests the thread's promise and logs it with one click, then no longer suggests it", async () => {
    expect(thread("A").messages[1]!.body).toContain(sentence);
    const before = (await sendItPromises()).length;
    const b = browser();
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    const suggestions = b.sidebar().getByRole("region", { name: "Promises in this thread?" });
    await expectText(suggestions, sentence, "the suggestion");
    // Jo's question ("could you send the MDF approval before Friday?") is not a promise.
    expect(await suggestions.locator("li").count()).toBe(1);
    await expectText(suggestions, `We owe: Send it · due ${dueOn}`, "what it would log");

    await suggestions.getByRole("button", { name: "Log promise" }).click();
    await expectAbsent(suggestions, "the suggestions, once the only one is logged");
    await expect.poll(async () => (await sendItPromises()).length, patience).toBe(before + 1);
    const logged = (await sendItPromises()).at(-1)!;
    expect(logged).toMatchObject({ owed_by: "us", owner_email: env.memberEmail, source_url: threadUrl("A") });

    // Reopened: logged from here, so not suggested again.
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await b.page.waitForTimeout(2_000);
    expect(await suggestions.count()).toBe(0);
  });

  it("selecting the sentence in the message shows Log as promise, which opens the form prefilled; one click saves", async () => {
    const before = (await sendItPromises()).length;
    const b = browser();
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    // Select the sentence in the second message's body, then let go of a key, as a person does.
    await b.page.evaluate((words) => {
      const body = document.querySelectorAll("div.a3s")[1]!;
      const text = body.firstChild as Text;
      const start = text.data.indexOf(words);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + words.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, sentence);
    await b.page.keyboard.press("Shift");
    const button = b.page.locator("mutual-selection").getByRole("button", { name: "Log as promise" });
    await expectVisible(button, "the Log as promise button");
    await button.click();

    const form = b.partnerCard(acme.name).getByRole("form", { name: `Log a promise with ${acme.name}` });
    await expectVisible(form, "the prefilled promise form");
    expect(await form.getByLabel("What was promised").inputValue()).toBe("Send it");
    expect(await form.getByLabel("Due", { exact: true }).inputValue()).toBe(dueOn);
    expect(await form.getByRole("radio", { name: "We do" }).isChecked()).toBe(true);
    await form.getByRole("button", { name: "Save promise", exact: true }).click();
    await expectAbsent(form, "the promise form (closed once saved)");
    await expect.poll(async () => (await sendItPromises()).length, patience).toBe(before + 1);
  });
});
