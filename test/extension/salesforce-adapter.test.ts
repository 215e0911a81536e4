import { describe, expect, it } from "vitest";
import { deepQuerySelector } from "../../extension/sites/deep-query.ts";
import { flatText } from "../../extension/sites/page-text.ts";
import { readSalesforcePage, salesforcePageKey } from "../../extension/sites/salesforce-adapter.ts";
import { salesforceDeepPaths, salesforceSelectors } from "../../extension/sites/salesforce-selectors.ts";
import { loadFixture, ownFixture } from "./fixtures/load-fixture.ts";

const accountUrl = "https://contoso-dev.lightning.force.com/lightning/r/Account/001U000002XyZabIAF/view";
const payloadName = 'Contoso <script>alert("pwned")</script> & Partners';

const accountRecord = () => loadFixture(ownFixture("salesforce-2026-account-record.html"));
const oneAppRecord = () => loadFixture(ownFixture("salesforce-2019-one-app-account-record.html"));
const emptyDocument = (html: string) => new DOMParser().parseFromString(html, "text/html");

describe("readSalesforcePage on a Lightning Account record", () => {
  it("reads the id from the URL, and the name and website from the visible tab through shadow roots", () => {
    expect(readSalesforcePage(accountRecord(), { href: accountUrl })).toEqual({
      kind: "record",
      site: "salesforce",
      crm: "salesforce",
      recordId: "001U000002XyZabIAF",
      objectName: "Account",
      name: payloadName,
      websiteDomain: "contoso.com",
      url: accountUrl,
    });
  });

  it("reads the name and website from inside the shadow roots, not from the title or the light DOM", () => {
    const doc = accountRecord();
    doc.title = "";
    expect(doc.querySelector("div.oneContent.active a[href*=contoso]")).toBeNull();
    expect(doc.querySelector("div.oneContent.active lightning-formatted-text[slot=primaryField]")?.textContent?.trim()).toBe("");
    expect(readSalesforcePage(doc, { href: accountUrl })).toMatchObject({ name: payloadName, websiteDomain: "contoso.com" });
  });

  it("returns a markup-like name as plain text, creating no elements", () => {
    const doc = accountRecord();
    const page = readSalesforcePage(doc, { href: accountUrl });
    expect(page.kind === "record" && page.name).toBe(payloadName);
    expect(doc.querySelectorAll("script").length).toBe(0);
  });

  it("never reads the earlier, hidden tab (another Account)", () => {
    const page = readSalesforcePage(accountRecord(), { href: accountUrl });
    expect(JSON.stringify(page)).not.toMatch(/globex/i);
  });

  it("falls back to the tab title for the name while the highlights panel hasn't rendered", () => {
    const doc = accountRecord();
    for (const highlights of doc.querySelectorAll("records-highlights2")) highlights.remove();
    expect(readSalesforcePage(doc, { href: accountUrl })).toMatchObject({ kind: "record", name: payloadName });
  });

  it("never takes a list view's stale title for a name", () => {
    const doc = accountRecord();
    for (const highlights of doc.querySelectorAll("records-highlights2")) highlights.remove();
    doc.title = "Recently Viewed | Accounts | Salesforce";
    expect(readSalesforcePage(doc, { href: accountUrl })).toMatchObject({ kind: "record", site: "salesforce", crm: "salesforce", recordId: "001U000002XyZabIAF", name: null });
  });

  it("has no website domain when the field is missing, empty, or not a company domain", () => {
    const withWebsite = (value: string | null) => {
      const doc = accountRecord();
      const field = doc.querySelector("div.oneContent.active records-record-layout-item[field-label=Website]")!;
      if (value === null) field.remove();
      else {
        const link = field.querySelector("lightning-formatted-url")!.shadowRoot!.querySelector("a")!;
        link.textContent = value;
        link.setAttribute("href", value);
      }
      return readSalesforcePage(doc, { href: accountUrl });
    };
    expect(withWebsite(null)).toMatchObject({ websiteDomain: null });
    expect(withWebsite("")).toMatchObject({ websiteDomain: null });
    expect(withWebsite("n/a")).toMatchObject({ websiteDomain: null });
    expect(withWebsite("https://gmail.com")).toMatchObject({ websiteDomain: null });
    expect(withWebsite("HTTPS://WWW.Contoso.co.uk/partners")).toMatchObject({ websiteDomain: "contoso.co.uk" });
  });

  it("is unreadable on a Lightning URL when no Lightning frame is on the page", () => {
    const loading = emptyDocument(`<html><head><title>Salesforce</title></head><body><div id="auraLoadingBox" class="auraLoadingBox">Loading</div></body></html>`);
    expect(readSalesforcePage(loading, { href: accountUrl })).toEqual({
      kind: "unreadable",
      site: "salesforce",
      selector: "salesforce recordFrame",
      reason: "unreadable: salesforce recordFrame (div.oneContent | one-record-home-flexipage2 | records-lwc-highlights-panel | force-highlights2)",
    });
  });

  it("still returns the record, with no name, when the frame shows but nothing else does yet", () => {
    const frameOnly = emptyDocument(`<html><head><title>Salesforce</title></head><body><div class="oneContent active"></div></body></html>`);
    expect(readSalesforcePage(frameOnly, { href: accountUrl })).toEqual({
      kind: "record", site: "salesforce", crm: "salesforce", recordId: "001U000002XyZabIAF", objectName: "Account", name: null, websiteDomain: null, url: accountUrl,
    });
  });

  it("reads a Classic Account URL from the URL alone: Classic has no Lightning frame by design", () => {
    const classic = emptyDocument(`<html><head><title>Account: Contoso ~ Salesforce - Enterprise Edition</title></head><body class="sfdcBody"></body></html>`);
    const href = "https://contoso.my.salesforce.com/001U000002XyZab";
    expect(readSalesforcePage(classic, { href })).toEqual({
      kind: "record", site: "salesforce", crm: "salesforce", recordId: "001U000002XyZab", objectName: "Account", name: null, websiteDomain: null, url: href,
    });
  });
});

describe("readSalesforcePage on other pages", () => {
  it("a Contact record shows nothing, though it names an Account and an email", () => {
    const doc = loadFixture(ownFixture("salesforce-2026-contact-record.html"));
    const href = "https://contoso-dev.lightning.force.com/lightning/r/Contact/003U000003PqRstIAF/view";
    expect(readSalesforcePage(doc, { href })).toEqual({ kind: "nothing-to-show", site: "salesforce" });
  });

  it("an Accounts list view shows nothing", () => {
    const doc = loadFixture(ownFixture("salesforce-2026-account-list-view.html"));
    const href = "https://contoso-dev.lightning.force.com/lightning/o/Account/list?filterName=Recent";
    expect(readSalesforcePage(doc, { href })).toEqual({ kind: "nothing-to-show", site: "salesforce" });
  });

  it("the older one.app route and force-highlights2 header: the Account key prefix names the object", () => {
    const href = "https://contoso.lightning.force.com/one/one.app#/sObject/001U000002XyZab/view";
    expect(readSalesforcePage(oneAppRecord(), { href })).toEqual({
      kind: "record", site: "salesforce", crm: "salesforce", recordId: "001U000002XyZab", objectName: "Account", name: "Contoso Ltd", websiteDomain: "contoso.co.uk", url: href,
    });
  });
});

describe("salesforcePageKey", () => {
  it("names the Account and the org's host", () => {
    expect(salesforcePageKey("https://acme.lightning.force.com/lightning/r/Account/001Dn00000AbCdEIAV/view"))
      .toBe("salesforce:acme.lightning.force.com/001Dn00000AbCdEIAV");
    expect(salesforcePageKey("https://other.lightning.force.com/lightning/r/Account/001Dn00000AbCdEIAV/view"))
      .toBe("salesforce:other.lightning.force.com/001Dn00000AbCdEIAV");
  });

  it.each([
    "https://acme.lightning.force.com/lightning/r/Contact/003Dn00000XyZaBIAV/view",
    "https://acme.lightning.force.com/lightning/o/Account/list",
    "not a url",
  ])("%s is not an Account page", (href) => {
    expect(salesforcePageKey(href)).toBeNull();
  });
});

describe("deepQuerySelector and flatText", () => {
  const shadowHost = (doc: Document, html: { light?: string; shadow: string }) => {
    const host = doc.createElement("x-host");
    const shadow = host.attachShadow({ mode: "open" });
    const inner = doc.createElement("p");
    inner.className = "inner";
    inner.textContent = html.shadow;
    shadow.append(inner);
    if (html.light) host.append(doc.createTextNode(html.light));
    doc.body.append(host);
    return host;
  };

  it("finds an element in the light tree first, then inside nested open shadow roots", () => {
    const doc = emptyDocument("<html><body><p class=inner>light</p></body></html>");
    const outer = shadowHost(doc, { shadow: "outer shadow" });
    expect(deepQuerySelector(doc, "p.inner")?.textContent).toBe("light");
    doc.querySelector("p.inner")!.remove();
    expect(deepQuerySelector(doc, "p.inner")?.textContent).toBe("outer shadow");

    const nested = doc.createElement("x-nested");
    nested.attachShadow({ mode: "open" }).append(Object.assign(doc.createElement("span"), { className: "deep", textContent: "two levels down" }));
    outer.shadowRoot!.append(nested);
    expect(doc.querySelector("span.deep")).toBeNull();
    expect(deepQuerySelector(doc, "span.deep")?.textContent).toBe("two levels down");
    expect(deepQuerySelector(outer, "span.deep")?.textContent).toBe("two levels down");
  });

  it("can't see into closed shadow roots, and says so with null", () => {
    const doc = emptyDocument("<html><body></body></html>");
    const host = doc.createElement("x-closed");
    host.attachShadow({ mode: "closed" }).append(doc.createElement("em"));
    doc.body.append(host);
    expect(deepQuerySelector(doc, "em")).toBeNull();
  });

  it("reads a shadow host's rendered text, not its light children's", () => {
    const doc = emptyDocument("<html><body></body></html>");
    const host = shadowHost(doc, { light: "not rendered", shadow: "rendered <b>text</b>" });
    expect(host.textContent).toBe("not rendered");
    expect(flatText(host)).toBe("rendered <b>text</b>");
  });
});

describe("the Salesforce selector table against saved pages", () => {
  const pages = { "2026 Lightning": accountRecord, "2019 one.app": oneAppRecord };
  const everyAlternative = [
    ...Object.entries(salesforceSelectors).flatMap(([name, list]) => list.map((selector) => [name, [selector]] as const)),
    ...Object.entries(salesforceDeepPaths)
      .filter(([name]) => name !== "fieldValue")
      .flatMap(([name, paths]) => paths.map((path) => [name, path] as const)),
  ];

  it.each(everyAlternative)("%s: %j matches at least one saved page", (_name, path) => {
    const matches = Object.values(pages).filter((load) => {
      let scope: ParentNode | null = load();
      for (const step of path) scope = scope && deepQuerySelector(scope, step);
      return scope !== null;
    });
    expect(matches.length).toBeGreaterThan(0);
  });

  it.each(salesforceDeepPaths.fieldValue.map((path) => [path] as const))("fieldValue %j matches inside a saved Website field", (path) => {
    const matches = Object.values(pages).filter((load) => {
      const fields = [...salesforceDeepPaths.websiteField].map((field) => deepQuerySelector(load(), field[0]!)).filter((field) => field !== null);
      return fields.some((field) => deepQuerySelector(field, path[0]!) !== null);
    });
    expect(matches.length).toBeGreaterThan(0);
  });
});
