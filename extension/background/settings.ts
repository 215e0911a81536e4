import { storage } from "wxt/utils/storage";
import { sha256Hex } from "../../shared/sha256.ts";
import type { SettingsSummary, WriteIdentity } from "../messaging/protocol.ts";
import { readCredentials, writeCredentials, type StoredCredentials } from "./credential-store.ts";

export interface ApiSettings {
  apiUrl: string;
  token: string;
}

/** The signed-in settings and who they sign in as. */
export interface SignedIn extends ApiSettings {
  identity: WriteIdentity;
  /** The API refused this token (401): sign in again before anything is sent. */
  rejected: boolean;
}

export type Member = NonNullable<StoredCredentials["member"]>;

// `npm start` builds the extension already signed in to the local demo API;
// any other build starts empty and asks for both on the options page.
const builtInUrl = import.meta.env.WXT_MUTUAL_API_URL ?? "";
const builtInToken = import.meta.env.WXT_MUTUAL_API_TOKEN ?? "";

const trimUrl = (url: string) => url.replace(/\/+$/, "");

/** Which token, without the token: the first 16 hex digits of its SHA-256. */
export async function tokenHash(token: string): Promise<string> {
  return (await sha256Hex(token)).slice(0, 16);
}

async function current(): Promise<StoredCredentials | null> {
  const stored = await readCredentials();
  if (stored) return stored;
  return builtInUrl && builtInToken ? { apiUrl: trimUrl(builtInUrl), token: builtInToken, member: null, rejected: false } : null;
}

export async function loadSettings(): Promise<ApiSettings | null> {
  const credentials = await current();
  return credentials ? { apiUrl: credentials.apiUrl, token: credentials.token } : null;
}

/** The settings with the identity every write made now is bound to. */
export async function loadSignedIn(): Promise<SignedIn | null> {
  const credentials = await current();
  if (!credentials) return null;
  const { apiUrl, token, member, rejected } = credentials;
  return {
    apiUrl, token, rejected,
    identity: {
      apiUrl, tokenHash: await tokenHash(token),
      memberId: member?.id ?? null, email: member?.email ?? null,
      workspaceId: member?.workspaceId ?? null, workspaceName: member?.workspaceName ?? null,
    },
  };
}

export async function saveSettings(settings: ApiSettings, member: Member | null = null): Promise<void> {
  await writeCredentials({ apiUrl: trimUrl(settings.apiUrl), token: settings.token, member, rejected: false });
}

/** The API answered 401 to the token in use: remember it until the user signs in again. */
export async function markRejected(token: string): Promise<void> {
  const credentials = await current();
  if (!credentials || credentials.token !== token || credentials.rejected) return;
  await writeCredentials({ ...credentials, rejected: true });
}

/** What the options page shows: the URL in full, the token only by its prefix. */
export async function describeSettings(): Promise<SettingsSummary> {
  const credentials = await current();
  return { apiUrl: credentials?.apiUrl ?? "", tokenPrefix: credentials ? `${credentials.token.slice(0, 12)}…` : null };
}

/** Where versions before the credential store kept the settings, readable by content scripts. */
const legacyUrl = storage.defineItem<string | null>("local:apiUrl", { fallback: null });
const legacyToken = storage.defineItem<string | null>("local:apiToken", { fallback: null });

/**
 * On update: moves settings saved by an earlier version into the credential
 * store and removes them from `storage.local`. Only on update, never on any
 * wake: a content script can write `storage.local`, and must not be able to
 * sign the extension in as someone else.
 */
export async function migrateLegacySettings(): Promise<void> {
  const [apiUrl, token] = await Promise.all([legacyUrl.getValue(), legacyToken.getValue()]);
  if (apiUrl && token && !(await readCredentials())) await saveSettings({ apiUrl, token });
  await Promise.all([legacyUrl.removeValue(), legacyToken.removeValue()]);
}
