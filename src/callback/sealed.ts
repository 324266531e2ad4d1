/**
 * Opening what WeCom sealed, for both channels (the app's callback and the 智能机器人's), the GET URL check and the
 * POST alike (docs/wecom-protocol.md §5): the signed query, the time window and signature, then decryption. Pure:
 * the time is passed in.
 */
import { timingSafeEqual } from 'node:crypto';
import { WeComDecryptError, type WeComCrypto } from '../wecom/crypto.js';
import { CallbackAuthError, CallbackBadRequest } from './errors.js';

export interface SignedQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

/** Reads msg_signature, timestamp and nonce (each exactly once) from a request query, or throws 400 missing-query. */
export function readSignedQuery(params: URLSearchParams): SignedQuery {
  const one = (name: string): string => {
    const values = params.getAll(name);
    if (values.length !== 1 || values[0] === '') throw new CallbackBadRequest('missing-query');
    return values[0]!;
  };
  return { msg_signature: one('msg_signature'), timestamp: one('timestamp'), nonce: one('nonce') };
}

/** Throws CallbackAuthError unless `encrypted` is signed by our Token within the replay window. */
export function verifySignature(
  crypto: WeComCrypto,
  query: SignedQuery,
  encrypted: string,
  nowSeconds: number,
  windowSeconds: number,
): void {
  // 1. The timestamp is a whole number of seconds within the window, both directions: an old capture cannot be
  //    replayed, and a clock far ahead is as suspicious as one far behind.
  if (!/^\d{1,12}$/.test(query.timestamp) || Math.abs(nowSeconds - Number(query.timestamp)) > windowSeconds) {
    throw new CallbackAuthError('stale-timestamp');
  }
  // 2. sha1 over the sorted Token, timestamp, nonce and ciphertext (done by @wecom/crypto).
  const expected = Buffer.from(crypto.sign(query.timestamp, query.nonce, encrypted));
  const given = Buffer.from(query.msg_signature.toLowerCase());
  // 3. Compared in constant time, so the signature cannot be guessed byte by byte from response times.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CallbackAuthError('bad-signature');
  }
}

/** Verifies `encrypted` under `query` and decrypts it; a refused ciphertext is a 401 with its reason. */
export function openSealed(crypto: WeComCrypto, query: SignedQuery, encrypted: string, nowSeconds: number, windowSeconds: number): string {
  verifySignature(crypto, query, encrypted, nowSeconds, windowSeconds);
  try {
    return crypto.decrypt(encrypted);
  } catch (error) {
    if (error instanceof WeComDecryptError) throw new CallbackAuthError(error.reason);
    throw error;
  }
}
