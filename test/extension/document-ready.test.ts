import { describe, expect, it } from "vitest";
import { whenBodyExists } from "../../extension/content/document-ready.ts";

/**
 * At document_start the page has only its root element: the sidebar's frame
 * waits for <body> (content/document-ready.ts), and a script invalidated
 * meanwhile stops waiting.
 */
function documentWithoutBody(): Document {
  const doc = document.implementation.createHTMLDocument("Gmail");
  doc.body.remove();
  return doc;
}

describe("whenBodyExists", () => {
  it("answers at once when the body is there", async () => {
    const doc = document.implementation.createHTMLDocument("Gmail");
    expect(await whenBodyExists(doc, new AbortController().signal)).toBe(doc.body);
  });

  it("waits for the parser to insert the body, and not for anything else", async () => {
    const doc = documentWithoutBody();
    let found: HTMLElement | null | undefined;
    void whenBodyExists(doc, new AbortController().signal).then((body) => (found = body));
    doc.documentElement.append(doc.createElement("script"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(found).toBeUndefined();
    const body = doc.createElement("body");
    doc.documentElement.append(body);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(found).toBe(body);
  });

  it("gives up with null when the content script is invalidated first", async () => {
    const controller = new AbortController();
    const waiting = whenBodyExists(documentWithoutBody(), controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
  });
});
