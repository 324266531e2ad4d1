/**
 * One HTTP attempt against WeCom with axios, turned into WeCom's answer or a typed error.
 * Nothing from axios's error (its config holds the URL with access_token) is kept: errors carry a sanitised cause.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { WeComApiError, WeComHttpError } from './errors.js';
import { envelopeSchema } from './types.js';

/** Errors after which the request certainly did not reach WeCom. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface Attempt {
  method: 'GET' | 'POST';
  endpoint: string;
  query: Record<string, string | number>;
  json?: unknown;
  /** A multipart body (media/upload); its parts must be re-readable (Blob), as a retry sends them again. */
  form?: FormData;
}

/** Creates the keep-alive axios instance the client sends every request through. */
export function createHttp(baseURL: string, timeoutMs: number): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: timeoutMs,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
    // The body is parsed by us, so a non-JSON answer becomes a typed error rather than a string.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxContentLength: 10 * 1024 * 1024,
    proxy: false,
    headers: { 'User-Agent': 'wecom-live-bot' },
  });
}

/** Sends one attempt; resolves to WeCom's JSON body when errcode is 0. */
export async function send(httpClient: AxiosInstance, attempt: Attempt): Promise<unknown> {
  let status: number;
  let text: string;
  try {
    const res = await httpClient.request<string>({
      method: attempt.method,
      url: `/cgi-bin/${attempt.endpoint}`,
      params: attempt.query,
      data: attempt.form ?? attempt.json,
    });
    status = res.status;
    text = typeof res.data === 'string' ? res.data : '';
  } catch (error) {
    throw toHttpError(attempt.endpoint, error);
  }
  if (status < 200 || status > 299) {
    throw new WeComHttpError(attempt.endpoint, `HTTP ${status}`, httpCause(`HTTP ${status}`), status, true);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new WeComHttpError(attempt.endpoint, 'answer is not JSON', httpCause('invalid JSON'), status, true);
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new WeComHttpError(attempt.endpoint, 'answer has no errcode', httpCause('no errcode'), status, true);
  }
  if (envelope.data.errcode !== 0) {
    throw new WeComApiError(attempt.endpoint, envelope.data.errcode, envelope.data.errmsg);
  }
  return body;
}

function httpCause(message: string, code?: string): Error & { code?: string } {
  const cause: Error & { code?: string } = new Error(message);
  if (code) cause.code = code;
  return cause;
}

function toHttpError(endpoint: string, error: unknown): WeComHttpError {
  if (error instanceof AxiosError) {
    const code = error.code ?? (error.cause as { code?: string } | undefined)?.code;
    const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
    const message = timedOut ? 'timed out' : (code ?? 'network error');
    // axios messages name the host and port at most; the URL with its query is never part of them.
    return new WeComHttpError(endpoint, message, httpCause(error.message, code), undefined, !NOT_SENT_CODES.has(code ?? ''));
  }
  const message = error instanceof Error ? error.message : String(error);
  return new WeComHttpError(endpoint, 'request failed', httpCause(message), undefined, true);
}
