import { browser } from "wxt/browser";
import { z } from "zod";
import { partnerCandidates } from "../../shared/page-people.ts";
import type { LookupResult } from "../../shared/schemas/lookup.ts";
import type { Me } from "../../shared/schemas/me.ts";
import { lookupInputsKey } from "../messaging/lookup-cache-entry.ts";
import {
  request,
  settingsDraft,
  settingsInput,
  writeAction,
  type ErrorInfo,
  type ParsedRequest,
  type Reply,
  type ReplyTo,
  type RequestType,
} from "../messaging/protocol.ts";
import { ApiUnreachable, callApi, errorOf } from "./api-client.ts";
import { captureEmails, forgetCaptureSettings, undoCapture } from "./capture.ts";
import { checkConnection } from "./connection-check.ts";
import { dismissedSuggestions, dismissSuggestion } from "./suggestion-dismissals.ts";
import { fetchExportPage, sendImportBatch } from "./import-export.ts";
import { forgetAll, storeLookup } from "./lookup-cache.ts";
import { startAhead, takeAhead } from "./lookup-ahead.ts";
import { planWrite } from "../messaging/plan-write-message.ts";
import { sendPlanWrite } from "./plan-write.ts";
import { sendSharingRequest } from "./sharing-requests.ts";
import { discard, enqueue, flush, sendNow, viewOutbox } from "./outbox.ts";
import { describeSettings, loadSettings, loadSignedIn, saveSettings, type ApiSettings } from "./settings.ts";

const fail = (code: string, message: string, issues?: ErrorInfo["issues"]): Reply<never> => ({
  ok: false, error: { code, message, ...(issues ? { issues } : {}) },
});
const ok = <T>(data: T): Reply<T> => ({ ok: true, data });

function invalid(error: z.ZodError): Reply<never> {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  const first = issues[0];
  return fail("invalid_request", first ? `${first.path || "input"}: ${first.message}` : "Invalid input", issues);
}

const notConnected = () => fail("not_configured", "Mutual is not connected: add the API URL and token on its options page.");

/** Runs an API call with the saved settings; "not connected" and "unreachable" become replies. */
async function withApi<T>(call: (settings: ApiSettings) => Promise<Reply<T>>): Promise<Reply<T>> {
  const settings = await loadSettings();
  if (!settings) return notConnected();
  try {
    return await call(settings);
  } catch (error) {
    if (error instanceof ApiUnreachable) return fail("unreachable", `Can't reach the Mutual API at ${settings.apiUrl}.`);
    throw error;
  }
}

/** The options form's settings, its empty token standing for the saved one. */
async function draftWithSavedToken(raw: unknown) {
  const draft = settingsDraft.safeParse(raw);
  if (!draft.success) return draft;
  const token = draft.data.token || ((await loadSettings())?.token ?? "");
  return settingsInput.safeParse({ apiUrl: draft.data.apiUrl, token });
}

/** Where each write goes in the API. */
function route(write: z.output<typeof writeAction>): { method: "POST" | "PATCH" | "DELETE"; path: string; partnerId: string | null; ifMatch?: number } {
  switch (write.action) {
    case "createCommitment": return { method: "POST", path: `/v1/partners/${write.partnerId}/commitments`, partnerId: write.partnerId };
    case "patchCommitment": return { method: "PATCH", path: `/v1/commitments/${write.commitmentId}`, partnerId: write.partnerId };
    case "createMeeting": return { method: "POST", path: `/v1/partners/${write.partnerId}/meetings`, partnerId: write.partnerId };
    case "createInteraction": return { method: "POST", path: `/v1/partners/${write.partnerId}/interactions`, partnerId: write.partnerId };
    case "createPartner": return { method: "POST", path: "/v1/partners", partnerId: null };
    case "createContact": return { method: "POST", path: `/v1/partners/${write.partnerId}/contacts`, partnerId: write.partnerId };
    case "patchPartner": return { method: "PATCH", path: `/v1/partners/${write.partnerId}`, partnerId: write.partnerId };
    case "patchReferral": return { method: "PATCH", path: `/v1/referrals/${write.referralId}`, partnerId: write.partnerId };
    case "patchMeeting": return { method: "PATCH", path: `/v1/meetings/${write.meetingId}`, partnerId: write.partnerId, ifMatch: write.ifMatch };
    case "deleteRecord": return { method: "DELETE", path: `/v1/${write.collection}/${write.recordId}`, partnerId: write.partnerId };
    case "restoreRecord": return { method: "POST", path: `/v1/${write.collection}/${write.recordId}/restore`, partnerId: write.partnerId };
    case "answerPulse": return { method: "POST", path: `/v1/partners/${write.partnerId}/pulse`, partnerId: write.partnerId };
  }
}

/** Asks the API for a page's partners; the answer is cached under the page after it is returned. */
async function lookUp(message: Extract<ParsedRequest, { type: "lookup" }>): Promise<Reply<ReplyTo<"lookup">>> {
  // Parsed already with the request (handleRequest); timings for bench/extension-paint.ts.
  const input = message.query;
  performance.mark("mutual:lookup-received", { detail: { ahead: message.ahead } });
  const people = partnerCandidates(input.emails, input.ownAddress);
  // The API takes 50 of each; a thread with more outside people is looked up by its first 50.
  const query = { emails: people.emails.slice(0, 50), domains: input.domains.slice(0, 50), salesforce: input.salesforce.slice(0, 50), hubspot: input.hubspot.slice(0, 50), linkedin: input.linkedin.slice(0, 50) };
  if (query.emails.length + query.domains.length + query.salesforce.length + query.hubspot.length + query.linkedin.length === 0) {
    return ok({ data: { matches: [] }, fetchedAt: new Date().toISOString(), fromCache: false, people });
  }
  const params = new URLSearchParams();
  for (const email of query.emails) params.append("email", email);
  for (const domain of query.domains) params.append("domain", domain);
  for (const id of query.salesforce) params.append("salesforce", id);
  for (const id of query.hubspot) params.append("hubspot", id);
  for (const slug of query.linkedin) params.append("linkedin", slug);
  return withApi(async (settings) => {
    performance.mark("mutual:lookup-credentials");
    const response = await callApi(settings, `/v1/lookup?${params}`);
    performance.mark("mutual:lookup-fetched");
    if (response.status !== 200) return { ok: false, error: errorOf(response) };
    const data = response.body as LookupResult;
    const fetchedAt = new Date().toISOString();
    // The sidebar paints the answer now; the cache write (two storage round trips) lands after.
    if (message.pageKey) void storeLookup(message.pageKey, { inputs: lookupInputsKey(input), data, fetchedAt, people }).catch((error: unknown) => console.warn("Mutual: lookup not cached", error));
    return ok({ data, fetchedAt, fromCache: false, people });
  });
}

type Handlers = { [K in RequestType]: (message: Extract<ParsedRequest, { type: K }>) => Promise<Reply<ReplyTo<K>>> };

/** One handler per request type: a request type without one (or with the wrong reply) does not compile. */
const handlers: Handlers = {
  async lookup(message) {
    // The page and inputs a look-ahead is kept under; none without a page (nothing to join by).
    const key = message.pageKey ? `${message.pageKey}|${lookupInputsKey(message.query)}` : null;
    if (key && message.ahead === "start") return startAhead(key, () => lookUp(message));
    const joined = key && message.ahead === "join" ? takeAhead<ReplyTo<"lookup">>(key) : null;
    if (joined) performance.mark("mutual:lookup-joined");
    return joined ?? lookUp(message);
  },
  async write(message) {
    const write = writeAction.safeParse(message.write);
    if (!write.success) return invalid(write.error);
    // Bound to who is signed in now: it will be sent as them or not at all.
    const signedIn = await loadSignedIn();
    if (!signedIn) return notConnected();
    const target = route(write.data);
    // The raw body, as typed: the API applies the same schema and its defaults.
    const body = (message.write as { body: unknown }).body;
    const entry = await enqueue({ label: message.label, partnerId: target.partnerId, method: target.method, path: target.path, body, identity: signedIn.identity, ...(target.ifMatch === undefined ? {} : { ifMatch: target.ifMatch }) });
    const sent = await sendNow(entry);
    return ok({ result: sent.result, response: sent.response ?? null, error: sent.error ?? null, id: entry.id });
  },
  outbox: async () => ok(await viewOutbox()),
  async flushOutbox() {
    await flush(true);
    return ok(await viewOutbox());
  },
  async discardWrite(message) {
    await discard(message.id);
    return ok(await viewOutbox());
  },
  getSettings: async () => ok(await describeSettings()),
  async saveSettings(message) {
    const settings = await draftWithSavedToken(message.settings);
    if (!settings.success) return invalid(settings.error);
    const report = await checkConnection(settings.data);
    // Saved even when the API is down right now, but never a URL that is someone else's server.
    if (report.state === "wrong_url" || report.state === "bad_token") return fail(report.state, report.message);
    const member = report.state === "connected"
      ? { id: report.memberId ?? null, email: report.email ?? "", workspaceId: report.workspaceId ?? null, workspaceName: report.workspace ?? "" }
      : null;
    await saveSettings(settings.data, member);
    await forgetAll();
    forgetCaptureSettings();
    void flush(true);
    return ok(report);
  },
  async testConnection(message) {
    if (message.settings === undefined) return ok(await checkConnection(await loadSettings()));
    // What was typed, not what was saved: a URL typed and not yet saved is the one to test.
    const settings = await draftWithSavedToken(message.settings);
    if (!settings.success) return invalid(settings.error);
    return ok(await checkConnection(settings.data));
  },
  async openOptions() {
    await browser.runtime.openOptionsPage();
    return ok(null);
  },
  me: () => withApi(async (settings) => {
    const response = await callApi(settings, "/v1/me");
    return response.status === 200 ? ok({ email: (response.body as Me).member.email.toLowerCase() }) : { ok: false, error: errorOf(response) };
  }),
  api: (message) => withApi(async (settings) => {
    const response = await callApi(settings, message.path);
    return response.status === 200 ? ok(response.body) : { ok: false, error: errorOf(response) };
  }),
  async planWrite(message) {
    const write = planWrite.safeParse(message.write);
    if (!write.success) return invalid(write.error);
    return withApi((settings) => sendPlanWrite(settings, write.data));
  },
  capture: captureEmails,
  undoCapture,
  dismissedSuggestions,
  dismissSuggestion,
  importBatch: (message) => withApi((settings) => sendImportBatch(settings, message.batch)),
  exportPage: (message) => withApi((settings) => fetchExportPage(settings, message.cursor)),
  sharing: (message) => withApi((settings) => sendSharingRequest(settings, message)),
};

/** Checks a message from a page and answers it; a malformed one gets "invalid_request" naming the field. */
export async function handleRequest(raw: unknown): Promise<Reply<unknown>> {
  const parsed = request.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const message = parsed.data;
  // TypeScript can't narrow a handler by a union's discriminant; the map's type already ties each to its message.
  const handler = handlers[message.type] as (message: ParsedRequest) => Promise<Reply<unknown>>;
  return handler(message);
}
