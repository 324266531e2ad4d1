/**
 * Reads a request body up to a limit. Callback envelopes are a few KB of ASCII; a stream read with a byte count
 * is all that is needed (body-parser's content-type and charset machinery cost more than the decryption).
 */
import type { IncomingMessage } from 'node:http';
import { CallbackBadRequest, CallbackTooLarge } from './errors.js';

/** The body as UTF-8 text, or CallbackTooLarge past `limit` bytes (the rest is not read). */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(new CallbackTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new CallbackTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    req.once('error', () => reject(new CallbackBadRequest('malformed-xml')));
  });
}
