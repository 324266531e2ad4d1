/**
 * WeCom's callback URL: the GET URL check and the POSTed messages (docs/wecom-protocol.md §5). Each refusal is cheap, has its
 * status (400 / 401 / 413) and a logged reason code; an accepted message is answered 200 with an empty body before
 * any command runs, so WeCom's 5 s deadline is never at risk.
 *
 * A plain node:http handler, not Express middleware: it is the hot path, and Express's routing, request and
 * response decoration cost more than the verification itself (see bench/callback.ts). app.ts serves it in front of
 * Express and also mounts it in Express, so both reach the same code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { WeComCrypto } from '../wecom/crypto.js';
import { readBody } from './body.js';
import type { DedupeStore } from './dedupe.js';
import { CallbackBadRequest, CallbackTooLarge } from './errors.js';
import type { CallbackMessage } from './message.js';
import { openSealed, readSignedQuery } from './sealed.js';
import { parseMessage, readEncrypt } from './xml.js';
import { refuse, reply } from './respond.js';
import { LogDigest } from '../log-digest.js';

/** What every callback endpoint (the app's, the 智能机器人's) checks with: its crypto, time, duplicates, limits. */
export interface EndpointGuards {
  crypto: WeComCrypto;
  clock: Clock;
  dedupe: DedupeStore;
  dedupeTtlSeconds: number;
  replayWindowSeconds: number;
  bodyLimitBytes: number;
  logger: Logger;
  /** Counts each callback by outcome. */
  onOutcome?: (outcome: string) => void;
  /** Where refusals are logged: the first of a kind at once, then a count per interval (a flood is two lines). */
  refusals?: LogDigest;
  /** Accepted callbacks are counted in one info line per this interval (default 10 s). */
  acceptedSummaryIntervalMs?: number;
}

/** The address a request came from, for the refusal digest. */
export const clientOf = (res: ServerResponse): string | undefined => res.req?.socket.remoteAddress;

export interface CallbackOptions extends EndpointGuards {
  path: string;
  /** Takes an accepted message for processing after the 200: "queued", or "busy" when the queue is full. */
  accept: (message: CallbackMessage) => Promise<'queued' | 'busy'>;
}

export type CallbackHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The handler of `options.path` (GET and POST); other methods get 405. */
export function createCallbackHandler(options: CallbackOptions): CallbackHandler {
  const { crypto, clock, logger } = options;
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  // Accepted callbacks are the bulk: one debug line each and an info summary every 10 s (a JSON line per accepted
  // callback at info cost a fifth of the endpoint's throughput, bench/callback.ts). Refusals are digested: the first
  // of each reason at once with the client's address, then a count per interval; /metrics counts every callback.
  const refusals = options.refusals ?? new LogDigest(logger, 'info', 'callback refused');
  const accepted = new Map<string, number>();
  const summaryMs = options.acceptedSummaryIntervalMs ?? 10_000;
  const summary = setInterval(() => {
    if (accepted.size === 0) return;
    logger.info({ callbacks: Object.fromEntries(accepted), periodSeconds: summaryMs / 1000 }, 'callbacks accepted');
    accepted.clear();
  }, summaryMs);
  summary.unref();
  const done = (res: ServerResponse, started: number, outcome: string, extra?: { kind: string; from: string }) => {
    options.onOutcome?.(outcome);
    const quiet = outcome === 'ok' || outcome === 'duplicate' || outcome === 'ignored';
    if (quiet) accepted.set(outcome, (accepted.get(outcome) ?? 0) + 1);
    const ms = Math.round((performance.now() - started) * 100) / 100;
    if (outcome !== 'url-check' && !quiet) return refusals.note(outcome, { channel: 'app', status: res.statusCode, ms }, clientOf(res));
    if (quiet && !logger.isLevelEnabled('debug')) return;
    logger[quiet ? 'debug' : 'info']({ outcome, status: res.statusCode, ms, ...extra }, 'callback');
  };

  const urlCheck = (res: ServerResponse, params: URLSearchParams, started: number) => {
    const query = readSignedQuery(params);
    const echostr = params.getAll('echostr');
    if (echostr.length !== 1 || !echostr[0]) throw new CallbackBadRequest('missing-query');
    // base64 has no spaces: a '+' that reached us unencoded was turned into one by query decoding.
    const encrypted = echostr[0].replace(/ /g, '+');
    reply(res, 200, openSealed(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds));
    done(res, started, 'url-check');
  };

  const message = async (req: IncomingMessage, res: ServerResponse, params: URLSearchParams, started: number) => {
    // 1. The query first (a request without it costs nothing more), then the body within its limit.
    const query = readSignedQuery(params);
    const body = await readBody(req, options.bodyLimitBytes);
    // 2. The envelope, without entity expansion or DOCTYPE.
    const encrypted = readEncrypt(body);
    // 3. Timestamp window and signature.
    // 4. Decrypt: our corpid, valid padding. 5. The typed message.
    const received = parseMessage(openSealed(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds));
    const summary = { kind: received.kind, from: received.from };
    // LOCATION, enter_agent, …: the commonest callbacks, and the bot does nothing with them: acknowledged here,
    // without de-duplication or the queue (bench/callback.ts measures this path).
    if (received.kind === 'event') {
      reply(res, 200, '');
      return done(res, started, 'ignored', summary);
    }
    // 6. De-duplicate: WeCom may deliver one message up to 4 times, even concurrently.
    const claim = await options.dedupe.claim(received.dedupeKey, options.dedupeTtlSeconds);
    if (claim === 'repeat') {
      reply(res, 200, '');
      return done(res, started, 'duplicate', summary);
    }
    if (claim === 'unverified') received.unverified = true;
    // 7. Queue it (durably, in scale-out mode) and answer; the command runs after.
    const outcome = await options.accept(received);
    reply(res, 200, '');
    done(res, started, outcome === 'queued' ? 'ok' : 'busy', summary);
  };

  return async (req, res) => {
    const started = performance.now();
    const params = new URL(req.url ?? '/', 'http://callback').searchParams;
    try {
      if (req.method === 'GET') urlCheck(res, params, started);
      else if (req.method === 'POST') await message(req, res, params, started);
      else {
        res.setHeader('Allow', 'GET, POST');
        reply(res, 405, 'method-not-allowed');
      }
    } catch (error) {
      // A refusal whose body was not read closes the connection, so the rest is not parsed as a request.
      if (error instanceof CallbackTooLarge) res.setHeader('Connection', 'close');
      done(res, started, refuse(res, error, logger));
    }
  };
}

