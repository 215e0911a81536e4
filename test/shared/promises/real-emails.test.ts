/**
 * The detector on real saved emails from ../shared/fixtures/email (licences
 * in ../shared/fixtures/README.md): none of them makes a new promise, but two
 * quote or sign off with text that would read as one ("We will be in touch
 * again …" sits in the quoted Outlook message).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectPromises } from "../../../shared/promises/detect.ts";
import { splitSentences } from "../../../shared/promises/sentences.ts";
import { plainMessage } from "./eml.ts";

const folder = new URL("../../../../shared/fixtures/email/", import.meta.url);
const present = existsSync(folder);
if (!present) console.warn("Skipping the real-email promise tests: ../shared/fixtures/email is not beside the repository.");

/** Each message's own sentences: what its author wrote before the quote and signature. */
const expectedOwnSentences: Record<string, string[]> = {
  "talon-standard-reply-gmail.eml": ["Hello"],
  "talon-standard-reply-outlook.eml": ["Hello"],
  "talon-standard-reply-android.eml": ["Hello"],
  "imaptools-enron-rtowest-signature-multicc.eml": ["Attached are the comments of the Public Generating Pool."],
};

describe.skipIf(!present)("promises in real saved emails", () => {
  for (const [file, sentences] of Object.entries(expectedOwnSentences)) {
    it(`${file}: only the author's own text, and no promise in it`, () => {
      const { sentAt, body } = plainMessage(readFileSync(new URL(file, folder), "utf8"));
      expect(body.length).toBeGreaterThan(0);
      expect(splitSentences(body)).toEqual(sentences);
      const options = { sentAt: sentAt ?? "2012-03-09T16:22:00Z", authorSide: "partner", timeZone: "UTC" } as const;
      expect(detectPromises(body, options)).toEqual([]);
    });
  }

  it("would have found the quoted 'We will be in touch' had the quote not been cut", () => {
    const { body } = plainMessage(readFileSync(new URL("talon-standard-reply-outlook.eml", folder), "utf8"));
    const quoted = body.slice(body.indexOf("From:")).replace(/^From:.*$/m, "");
    const options = { sentAt: "2012-03-09T16:22:00Z", authorSide: "partner", timeZone: "UTC" } as const;
    expect(detectPromises(quoted, options).map((p) => p.title)).toContain("Be in touch again with any further updates");
  });
});
