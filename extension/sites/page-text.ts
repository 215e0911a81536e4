import { isElement } from "./deep-query.ts";

/**
 * An element's text as rendered: a shadow host's text comes from its shadow
 * root (slots pull in the light children), not from textContent, which sees
 * only light children. Scripts and styles are never text.
 */
export function flatText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (isElement(node)) {
    if (["script", "style", "template"].includes(node.localName)) return "";
    if (node.localName === "slot") {
      const assigned = (node as HTMLSlotElement).assignedNodes({ flatten: true });
      if (assigned.length > 0) return assigned.map(flatText).join("");
    }
    const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return [...children].map(flatText).join("");
  }
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? [...node.childNodes].map(flatText).join("") : "";
}

/** Text as a person reads it: runs of white space as one space, trimmed; null when nothing is left. */
export function cleanText(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, " ").trim() ?? "";
  return clean === "" ? null : clean;
}
