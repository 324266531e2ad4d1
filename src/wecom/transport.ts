/**
 * One attempt against WeCom through the client's Transport, turned into WeCom's answer or a typed error: one class
 * per cause (network, timeout, proxy, status, unreadable answer). Nothing of the request is kept in an error: its
 * URL holds the access_token.
 */
import { WeComApiError, WeComBadResponseError, WeComNetworkError, WeComProxyError, WeComStatusError, WeComTimeoutError, type WeComHttpError } from './errors.js';
import { TransportFailure, type Transport } from './http.js';
import { redact } from './redact.js';
import { envelopeSchema } from './types.js';

export interface Attempt {
  method: 'GET' | 'POST';
  endpoint: string;
  query: Record<string, string | number>;
  json?: unknown;
  /** A multipart body (media/upload); its parts must be re-readable (Blob), as a retry sends them again. */
  form?: FormData;
}

const cause = (message: string, code?: string): Error & { code?: string } => Object.assign(new Error(message), code ? { code } : {});

/**
 * Sends one attempt; resolves to WeCom's JSON body when errcode is 0. `secrets` (the corpsecret, a proxy's
 * credentials) are cut out of an errmsg together with the attempt's own token.
 */
export async function send(transport: Transport, baseURL: string, attempt: Attempt, secrets: readonly string[] = []): Promise<unknown> {
  const url = new URL(`/cgi-bin/${attempt.endpoint}`, baseURL);
  for (const [k, v] of Object.entries(attempt.query)) url.searchParams.set(k, String(v));
  let res;
  try {
    res = await transport({ method: attempt.method, url: url.toString(), ...(attempt.form ? { form: attempt.form } : attempt.json !== undefined ? { body: attempt.json } : {}) });
  } catch (error) {
    throw failed(attempt.endpoint, error, secrets);
  }
  if (res.status < 200 || res.status > 299) {
    throw new WeComStatusError(attempt.endpoint, `HTTP ${res.status}`, cause(`HTTP ${res.status}`), res.status, true);
  }
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw new WeComBadResponseError(attempt.endpoint, 'answer is not JSON', cause('invalid JSON'), res.status, true);
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) throw new WeComBadResponseError(attempt.endpoint, 'answer has no errcode', cause('no errcode'), res.status, true);
  if (envelope.data.errcode !== 0) {
    const own = [attempt.query.access_token, attempt.query.corpsecret].map((v) => (v === undefined ? undefined : String(v)));
    throw new WeComApiError(attempt.endpoint, envelope.data.errcode, redact(envelope.data.errmsg, [...own, ...secrets]));
  }
  return body;
}

/** The typed error for a transport that threw (ours throws TransportFailure; an injected one may throw anything). */
function failed(endpoint: string, error: unknown, secrets: readonly string[]): WeComHttpError {
  if (error instanceof TransportFailure) {
    // A relay's answer may echo what it was sent.
    const message = redact(error.message, secrets);
    const c = cause(message, error.code);
    if (error.kind === 'proxy') return new WeComProxyError(endpoint, message, c, !error.notSent, error.proxy ?? 'proxy', error.refused);
    if (error.kind === 'timeout') return new WeComTimeoutError(endpoint, 'timed out', c, undefined, true);
    return new WeComNetworkError(endpoint, message, c, undefined, !error.notSent);
  }
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  return new WeComNetworkError(endpoint, 'request failed', cause(message, (error as { code?: string } | undefined)?.code), undefined, true);
}
