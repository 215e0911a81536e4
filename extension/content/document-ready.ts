/**
 * The content scripts start at document_start, when the page has only its
 * root element: early enough to make room for the sidebar before the page
 * lays anything out (reserve-space.ts). These wait for the two later points
 * the controller needs: a <body> to hang the sidebar's frame on, and the
 * parsed document, which the site adapters read as they did at document_idle.
 */

/** Resolves once `doc.body` exists: at once if it does, else on the parser inserting it (a childList observer on the root element only). */
export function whenBodyExists(doc: Document, signal: AbortSignal): Promise<HTMLElement | null> {
  if (doc.body) return Promise.resolve(doc.body);
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      signal.removeEventListener("abort", done);
      resolve(doc.body);
    };
    const observer = new MutationObserver(() => {
      if (doc.body) done();
    });
    observer.observe(doc.documentElement, { childList: true });
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Resolves once the parser is done (DOMContentLoaded), the earliest point of document_idle. */
export function whenParsed(doc: Document, signal: AbortSignal): Promise<void> {
  if (doc.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener("DOMContentLoaded", done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    doc.addEventListener("DOMContentLoaded", done, { once: true });
    signal.addEventListener("abort", done, { once: true });
  });
}
