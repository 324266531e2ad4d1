/**
 * WeCom's callback URL: the GET URL check and the POSTed messages (protocol §5). Each refusal is cheap, has its
 * status (400 / 401 / 413) and a logged reason code; an accepted message is answered 200 with an empty body before
 * any command runs, so WeCom's 5 s deadline is never at risk.
 */
import { performance } from 'node:perf_hooks';
import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { WeComDecryptError, type WeComCrypto } from '../wecom/crypto.js';
import type { DedupeStore } from './dedupe.js';
import { readBody } from './body.js';
import { CallbackAuthError, CallbackBadRequest, CallbackError, CallbackTooLarge } from './errors.js';
import type { CallbackMessage } from './message.js';
import { readSignedQuery, verifySignature } from './verify.js';
import { parseMessage, readEncrypt } from './xml.js';

export interface CallbackRouterOptions {
  path: string;
  crypto: WeComCrypto;
  clock: Clock;
  dedupe: DedupeStore;
  dedupeTtlSeconds: number;
  replayWindowSeconds: number;
  bodyLimitBytes: number;
  /** Takes an accepted message for processing after the 200: "queued", or "busy" when the queue is full. */
  accept: (message: CallbackMessage) => Promise<'queued' | 'busy'>;
  logger: Logger;
  /** Counts each callback by outcome. */
  onOutcome?: (outcome: string) => void;
}

/** The router that serves `options.path`. */
export function callbackRouter(options: CallbackRouterOptions): Router {
  const { crypto, clock, logger } = options;
  const router = express.Router();
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  const done = (res: Response, started: number, outcome: string, extra: Record<string, unknown> = {}) => {
    options.onOutcome?.(outcome);
    logger.info({ outcome, status: res.statusCode, ms: Math.round((performance.now() - started) * 100) / 100, ...extra }, 'callback');
  };

  router.get(options.path, (req: Request, res: Response) => {
    const started = performance.now();
    try {
      const query = readSignedQuery(req.query);
      const echostr = req.query.echostr;
      if (typeof echostr !== 'string' || echostr === '') throw new CallbackBadRequest('missing-query');
      // base64 has no spaces: a '+' that reached us unencoded was turned into one by query parsing.
      const encrypted = echostr.replace(/ /g, '+');
      verifySignature(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds);
      const plain = decrypt(crypto, encrypted);
      res.status(200).type('text/plain').send(plain);
      done(res, started, 'url-check');
    } catch (error) {
      done(res, started, refuse(res, error, logger));
    }
  });

  router.post(options.path, async (req: Request, res: Response) => {
    const started = performance.now();
    let message: CallbackMessage;
    try {
      // 1. The query first (a request without it costs nothing more), then the body within its limit.
      const query = readSignedQuery(req.query);
      const body = await readBody(req, options.bodyLimitBytes);
      // 2. The envelope, without entity expansion or DOCTYPE.
      const encrypted = readEncrypt(body);
      // 3. Timestamp window and signature.
      verifySignature(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds);
      // 4. Decrypt: our corpid, valid padding. 5. The typed message.
      message = parseMessage(decrypt(crypto, encrypted));
    } catch (error) {
      // A refusal whose body was not read closes the connection, so the rest is not parsed as a request.
      if (error instanceof CallbackTooLarge) res.set('Connection', 'close');
      done(res, started, refuse(res, error, logger));
      return;
    }
    // 6. De-duplicate: WeCom may deliver one message up to 4 times, even concurrently.
    const first = await options.dedupe.claim(message.dedupeKey, options.dedupeTtlSeconds);
    // 7. Queue it (durably, in scale-out mode) and answer; the command runs after.
    const summary = { kind: message.kind, from: message.from };
    if (!first) {
      res.status(200).end();
      return done(res, started, 'duplicate', summary);
    }
    const outcome = await options.accept(message);
    res.status(200).end();
    done(res, started, outcome === 'queued' ? 'ok' : 'busy', summary);
  });

  return router;
}

function decrypt(crypto: WeComCrypto, encrypted: string): string {
  try {
    return crypto.decrypt(encrypted);
  } catch (error) {
    if (error instanceof WeComDecryptError) throw new CallbackAuthError(error.reason);
    throw error;
  }
}

/** Answers a refusal with its status and its reason code as the body; returns the outcome to log. */
function refuse(res: Response, error: unknown, logger: Logger): string {
  if (error instanceof CallbackError) {
    res.status(error.status).type('text/plain').send(error.code);
    return error.code;
  }
  // A bug: a 500 that is logged, never a crash.
  logger.error({ err: error }, 'callback failed unexpectedly');
  res.status(500).type('text/plain').send('internal error');
  return 'error';
}
