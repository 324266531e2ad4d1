/** How both callback endpoints (the app's and the 智能机器人's) answer: a body, or a refusal by its class. */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { CallbackError } from './errors.js';

/** Answers `status` with `body` (plain text when not empty). */
export function reply(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  if (body !== '') res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(body);
}

/** Answers a refusal with its status and its reason code as the body; returns the outcome to log. */
export function refuse(res: ServerResponse, error: unknown, logger: Logger): string {
  if (error instanceof CallbackError) {
    reply(res, error.status, error.code);
    return error.code;
  }
  // A bug: a 500 that is logged, never a crash.
  logger.error({ err: error }, 'callback failed unexpectedly');
  reply(res, 500, 'internal error');
  return 'error';
}
