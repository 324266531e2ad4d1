/**
 * The one HTTP transport of WeComApi: keep-alive, the per-attempt timeout, and the company's egress proxy, in one
 * place. Since mid-2022 a new self-built app only accepts calls from its 企业可信IP list (60020 otherwise), so
 * companies send the bot's calls through one proxy whose address is on it: WECOM_PROXY_URL, or the standard
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY as Node tools read them. https targets go through CONNECT, http targets in
 * absolute form. A failure says what failed (the proxy, the network, a timeout) as a TransportFailure; the proxy's
 * password never appears in one.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Absolute URL, query included. */
  url: string;
  /** JSON (sent as application/json) or a multipart form. */
  body?: unknown;
  form?: FormData;
}

export interface HttpResponse {
  status: number;
  /** The body as text; WeComApi parses it. */
  text: string;
}

/** What WeComApi sends every request through; pass your own (`transport` option) to replace it entirely. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** Why a request got no HTTP answer. */
export class TransportFailure extends Error {
  override name = 'TransportFailure';
  constructor(
    readonly kind: 'network' | 'timeout' | 'proxy',
    message: string,
    /** The system error code (ECONNREFUSED, ETIMEDOUT, …) when there is one. */
    readonly code: string | undefined,
    /** True when the request certainly did not reach WeCom. */
    readonly notSent: boolean,
    /** The proxy involved, as host:port (never its credentials). */
    readonly proxy?: string,
    /** The proxy answered and refused (407): asking again cannot help. */
    readonly refused = false,
  ) {
    super(message);
  }
}

export interface TransportOptions {
  timeoutMs: number;
  /** An explicit proxy (WECOM_PROXY_URL); without it, HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply. */
  proxyUrl?: string;
}

/** Errors after which the request certainly did not reach its target. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** `host:port` of a proxy URL, for messages: what an admin needs to know, and nothing secret. */
export function proxyDisplay(proxyUrl: string): string {
  const u = new URL(proxyUrl);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}

/**
 * Kept-alive sockets are dropped after 4 s idle, and a second before the server's own `Keep-Alive: timeout=N`:
 * reusing one the server is closing at that moment fails with ECONNRESET, which for message/send or living/create
 * cannot be told from a request WeCom received, so it could not be sent again (a reply would be lost).
 */
const KEEP_ALIVE = { keepAlive: true, maxSockets: 64, timeout: 4000 };

/** The axios transport the client uses unless given another. */
export function createTransport(options: TransportOptions): Transport {
  const direct = { http: new http.Agent(KEEP_ALIVE), https: new https.Agent(KEEP_ALIVE) };
  const viaProxy = new Map<string, { http: http.Agent; https: http.Agent }>();
  // The variables are read once per origin (the client calls one), not on every request.
  const proxyOf = new Map<string, string | undefined>();
  const agentsFor = (target: string): { agents: { http: http.Agent; https: http.Agent }; proxy: string | undefined } => {
    const origin = new URL(target).origin;
    if (!proxyOf.has(origin)) proxyOf.set(origin, options.proxyUrl ?? proxyFromEnvironment(origin));
    const proxy = proxyOf.get(origin);
    if (!proxy) return { agents: direct, proxy: undefined };
    let agents = viaProxy.get(proxy);
    if (!agents) {
      agents = { http: new HttpProxyAgent(proxy, KEEP_ALIVE), https: new HttpsProxyAgent(proxy, KEEP_ALIVE) };
      viaProxy.set(proxy, agents);
    }
    return { agents, proxy };
  };
  const client: AxiosInstance = axios.create({
    timeout: options.timeoutMs,
    // The body is parsed by WeComApi, so a non-JSON answer becomes a typed error rather than a string.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxContentLength: 10 * 1024 * 1024,
    // Proxies are the agents' job (CONNECT for https); axios's own proxy support is off.
    proxy: false,
    headers: { 'User-Agent': 'wecom-live-bot' },
  });
  return async (request) => {
    const { agents, proxy } = agentsFor(request.url);
    try {
      const res = await client.request<string>({
        method: request.method,
        url: request.url,
        data: request.form ?? request.body,
        httpAgent: agents.http,
        httpsAgent: agents.https,
        // axios's own timeout starts once it has a socket: a proxy that accepts but never answers CONNECT would
        // hold the call for ever without this.
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (proxy && res.status === 407) {
        throw new TransportFailure('proxy', `proxy ${proxyDisplay(proxy)} refused: 407 authentication required`, undefined, true, proxyDisplay(proxy), true);
      }
      return { status: res.status, text: typeof res.data === 'string' ? res.data : '' };
    } catch (error) {
      throw toFailure(error, proxy);
    }
  };
}

/** The proxy Node tools would use for `target`: HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names the host. */
export const proxyFromEnvironment = (target: string): string | undefined => getProxyForUrl(target) || undefined;

function toFailure(error: unknown, proxy: string | undefined): TransportFailure {
  if (error instanceof TransportFailure) return error;
  const code = error instanceof AxiosError ? (error.code ?? (error.cause as { code?: string } | undefined)?.code) : (error as { code?: string }).code;
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED' || (error as Error)?.name === 'CanceledError';
  if (timedOut) return new TransportFailure('timeout', 'timed out', code, false, proxy ? proxyDisplay(proxy) : undefined);
  const message = error instanceof Error ? error.message : String(error);
  const notSent = NOT_SENT_CODES.has(code ?? '');
  if (proxy) {
    const display = proxyDisplay(proxy);
    const port = display.slice(display.lastIndexOf(':') + 1);
    // The connection that failed is the proxy's when the message names its address, or when nothing was sent at
    // all (with a proxy, the bot never connects to WeCom itself).
    if (notSent || message.includes(display) || message.includes(`:${port}`) || /proxy|tunnel|socket hang up/i.test(message)) {
      return new TransportFailure('proxy', `proxy ${display} unreachable (${code ?? scrub(message, proxy)})`, code, notSent, display);
    }
  }
  return new TransportFailure('network', code ?? 'network error', code, notSent);
}

/** `message` without the proxy URL's credentials, should a library have put them there. */
function scrub(message: string, proxy: string): string {
  const u = new URL(proxy);
  let out = message;
  for (const secret of [u.password, decodeURIComponent(u.password), u.username]) if (secret) out = out.split(secret).join('***');
  return out;
}
