import type { MiddlewareHandler } from "hono";
import { ApiError } from "../api-error.ts";
import type { AppEnv } from "../env.ts";

// A client still sending when the answer goes out sees its connection reset,
// not the 413; reading (and dropping) the rest lets it read the answer. Past
// this much, a sender is not a client that made a mistake: stop reading.
const drainLimitBytes = 32 * 1024 * 1024;

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let read = alreadyRead;
  while (read <= drainLimitBytes) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel();
}

/**
 * Refuses bodies over `maxBytes` with a 413 naming the limit, whether the
 * size is declared (Content-Length) or only found out while reading a chunked
 * body. A body within the limit is buffered and handed on unchanged.
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => new ApiError(413, "payload_too_large", `Request bodies are limited to ${maxBytes / 1024} KB`);
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.raw.headers.has("transfer-encoding") ? null : c.req.raw.headers.get("content-length");
    const reader = body.getReader();
    if (declared !== null && Number(declared) > maxBytes) {
      if (Number(declared) <= drainLimitBytes) await drain(reader, 0);
      else await reader.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await drain(reader, size);
        throw tooLarge();
      }
      chunks.push(value);
    }
    const buffered = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      buffered.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: buffered });
    await next();
  };
}
