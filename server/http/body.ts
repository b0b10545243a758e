import type { AppContext } from './context';
import { AppError } from '../domain/errors';

export const JSON_LIMIT = 1024 * 1024;
// one decoder for every body (decode() without a stream keeps no state between calls)
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a JSON body (at most 1 MiB); anything else is a clear 4xx. */
export async function readJson(c: AppContext, limit = JSON_LIMIT): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.includes('json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { vi: 'Cần gửi dữ liệu dạng JSON (Content-Type: application/json).', en: 'Send JSON (Content-Type: application/json).' });
  }
  const bytes = await readBytes(c, limit);
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    throw new AppError('BAD_REQUEST', { vi: 'Dữ liệu JSON không đọc được.', en: 'The JSON body cannot be parsed.' });
  }
}

/** Reads the raw body, refusing it as soon as it passes `limit` bytes. */
export async function readBytes(c: AppContext, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? 'NaN');
  if (declared > limit) throw new AppError('PAYLOAD_TOO_LARGE');
  // A declared length within the limit: read it whole (on Node straight from
  // the socket, without building a web stream for it).
  if (declared >= 0) {
    const bytes = new Uint8Array(await c.req.raw.arrayBuffer());
    if (bytes.byteLength > limit) throw new AppError('PAYLOAD_TOO_LARGE');
    return bytes;
  }
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const ch of chunks) {
    out.set(ch, at);
    at += ch.byteLength;
  }
  return out;
}
