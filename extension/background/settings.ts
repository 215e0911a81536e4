import { storage } from "wxt/utils/storage";

export interface ApiSettings {
  apiUrl: string;
  token: string;
}

// `npm start` builds the extension already signed in to the local demo API;
// any other build starts empty and asks for both on the options page.
const builtInUrl = import.meta.env.WXT_MUTUAL_API_URL ?? "";
const builtInToken = import.meta.env.WXT_MUTUAL_API_TOKEN ?? "";

const apiUrlItem = storage.defineItem<string>("local:apiUrl", { fallback: builtInUrl });
const tokenItem = storage.defineItem<string>("local:apiToken", { fallback: builtInToken });

export async function loadSettings(): Promise<ApiSettings | null> {
  const [apiUrl, token] = await Promise.all([apiUrlItem.getValue(), tokenItem.getValue()]);
  return apiUrl && token ? { apiUrl: apiUrl.replace(/\/+$/, ""), token } : null;
}

export async function saveSettings(settings: ApiSettings): Promise<void> {
  await Promise.all([apiUrlItem.setValue(settings.apiUrl.replace(/\/+$/, "")), tokenItem.setValue(settings.token)]);
}

/** What the options page shows: the URL in full, the token only by its prefix. */
export async function describeSettings(): Promise<{ apiUrl: string; tokenPrefix: string | null }> {
  const [apiUrl, token] = await Promise.all([apiUrlItem.getValue(), tokenItem.getValue()]);
  return { apiUrl, tokenPrefix: token ? `${token.slice(0, 12)}…` : null };
}
