/**
 * Queries that reach into open shadow roots, for hosts built of web
 * components (Salesforce Lightning; HubSpot's and Outlook's newer views). A
 * plain CSS descendant selector can't cross a shadow boundary, so a "deep
 * path" is a list of steps: each step is searched inside the previous match,
 * through open shadow roots (like Puppeteer's `>>>`). Deep paths are not
 * valid CSS, so they have their own type and can't be handed to
 * waitForElement by mistake. Closed shadow roots can't be read from a
 * content script and are skipped.
 */
export type DeepPath = readonly string[];

/**
 * The first element matching selector under root, searching root's own tree
 * first and then every open shadow root beneath it, level by level.
 */
export function deepQuerySelector(root: ParentNode, selector: string): Element | null {
  const trees: ParentNode[] = [root];
  for (let index = 0; index < trees.length; index++) {
    const tree = trees[index]!;
    const found = tree.querySelector(selector);
    if (found) return found;
    trees.push(...openShadowRootsIn(tree, index === 0));
  }
  return null;
}

/** Follows a deep path: each step is searched inside the previous step's match. */
export function deepQueryPath(root: ParentNode, path: DeepPath): Element | null {
  let current: ParentNode | null = root;
  for (const step of path) {
    if (!current) return null;
    current = deepQuerySelector(current, step);
  }
  return current === root ? null : (current as Element | null);
}

/** The match of the first path, of several alternatives, that matches anything. */
export function firstDeepMatch(root: ParentNode, paths: readonly DeepPath[]): Element | null {
  for (const path of paths) {
    const found = deepQueryPath(root, path);
    if (found) return found;
  }
  return null;
}

function openShadowRootsIn(tree: ParentNode, includeTreeItself: boolean): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const own = includeTreeItself && isElement(tree) ? tree.shadowRoot : null;
  if (own) roots.push(own);
  for (const element of tree.querySelectorAll("*")) {
    if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  return roots;
}

export function isElement(node: Node | ParentNode): node is Element {
  return (node as Node).nodeType === Node.ELEMENT_NODE;
}
