/**
 * Retry policy, decided in one readable ladder. The rule that matters most is its own line: a call that is not
 * idempotent (living/create, message/send) is never sent again once it may have reached WeCom, because that could
 * create a second live or send a second reply.
 */
import { isRejectedBeforeWork, isRetryableErrcode } from './error-handler.js';
import { WeComApiError, WeComBadResponseError, WeComHttpError, WeComNetworkError, WeComProxyError, WeComStatusError, WeComTimeoutError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (0 disables retrying). */
  maxRetries: number;
  /** First backoff; each retry doubles it, capped by maxDelayMs, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 200, maxDelayMs: 5000, budgetMs: 20_000 };

export interface RetryContext {
  /** Retries already made (0 after the first attempt). */
  retries: number;
  elapsedMs: number;
  /** Whether sending the same request twice has the same effect as sending it once. */
  idempotent: boolean;
  /** A number in [0, 1) for jitter; injected so tests are deterministic. */
  random: number;
}

/** Returns the delay before the next attempt, or null to give up and reject with `error`. */
export function retryDelay(policy: RetryPolicy, error: unknown, ctx: RetryContext): number | null {
  if (ctx.retries >= policy.maxRetries) return null;
  if (ctx.elapsedMs >= policy.budgetMs) return null;
  if (!isRetryable(error, ctx.idempotent)) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** ctx.retries);
  const delay = Math.floor(ctx.random * ceiling);
  // Never sleep past the budget: a retry that starts after it would only make the user wait longer.
  return Math.min(delay, Math.max(0, policy.budgetMs - ctx.elapsedMs));
}

function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof WeComApiError) {
    // 1. WeCom refused before doing anything (frequency limits): safe for any call.
    if (isRejectedBeforeWork(error.errcode)) return true;
    // 2. Busy (-1): WeCom may have done the work; only idempotent calls go again.
    return idempotent && isRetryableErrcode(error.errcode);
  }
  if (error instanceof WeComHttpError) {
    // A proxy that refuses us (407) will refuse again: an admin must fix WECOM_PROXY_URL.
    if (error instanceof WeComProxyError && error.refused) return false;
    // 3. The request never left (connection refused, DNS, the proxy unreachable): nothing happened, safe for any call.
    if (!error.outcomeUnknown) return true;
    // 4. After sending the outcome is unknown: a non-idempotent call is never repeated.
    if (!idempotent) return false;
    // 5. A timeout, a reset after sending, a proxy that dropped the tunnel, or an unreadable answer: read again.
    if (error instanceof WeComTimeoutError || error instanceof WeComNetworkError || error instanceof WeComProxyError || error instanceof WeComBadResponseError) return true;
    // 6. A status: only the ones that mean "try later".
    if (error instanceof WeComStatusError) return error.status === undefined || error.status >= 500 || error.status === 429;
    // An HTTP failure of no known cause (an injected transport's): as an unknown outcome.
    return error.status === undefined || error.status >= 500 || error.status === 429;
  }
  return false;
}
