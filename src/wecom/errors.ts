/**
 * Every failure of the client rejects with one of these classes. Messages name the endpoint, never a URL, so an
 * access_token or corpsecret cannot leak through `err.message` or a logged stack.
 */
import { describeErrcode } from './error-handler.js';

/** Base class of every error the WeCom client throws. */
export class WeComError extends Error {
  override name = 'WeComError';
  constructor(
    message: string,
    readonly endpoint: string,
  ) {
    super(message);
  }
}

/** WeCom answered with `errcode` ≠ 0. */
export class WeComApiError extends WeComError {
  override name = 'WeComApiError';
  /** What to do about it, in WeCom's terms (e.g. 60020 → add the server IP to 企业可信IP). */
  readonly hint: string;
  constructor(
    endpoint: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${endpoint} failed: ${errcode} ${errmsg}`, endpoint);
    this.hint = describeErrcode(errcode, errmsg).hint;
  }
}

/**
 * The call did not get a WeCom answer. One subclass per cause: WeComNetworkError, WeComTimeoutError,
 * WeComProxyError, WeComStatusError (non-2xx), WeComBadResponseError (not WeCom's JSON).
 */
export class WeComHttpError extends WeComError {
  override name = 'WeComHttpError';
  constructor(
    endpoint: string,
    message: string,
    /** A sanitised copy of the underlying error: its message and code, never the request config. */
    override readonly cause: Error & { code?: string },
    /** HTTP status when WeCom (or a proxy) answered, else undefined. */
    readonly status: number | undefined,
    /** True when the request may have reached WeCom: for a write, its effect is unknown. */
    readonly outcomeUnknown: boolean,
  ) {
    super(`${endpoint} failed: ${message}`, endpoint);
  }
}

/** No connection to WeCom (DNS, refused, reset). `outcomeUnknown` is false when the request never left. */
export class WeComNetworkError extends WeComHttpError {
  override name = 'WeComNetworkError';
}

/** WeCom did not answer within the attempt's timeout; a write may have happened. */
export class WeComTimeoutError extends WeComHttpError {
  override name = 'WeComTimeoutError';
}

/** The egress proxy could not be reached, or refused the request (407). `proxy` is host:port, never credentials. */
export class WeComProxyError extends WeComHttpError {
  override name = 'WeComProxyError';
  constructor(
    endpoint: string,
    message: string,
    cause: Error & { code?: string },
    outcomeUnknown: boolean,
    readonly proxy: string,
    /** The proxy answered and refused (407 authentication required): not worth asking again. */
    readonly refused = false,
  ) {
    super(endpoint, message, cause, undefined, outcomeUnknown);
  }
}

/** WeCom (or something on the way) answered with a non-2xx HTTP status. */
export class WeComStatusError extends WeComHttpError {
  override name = 'WeComStatusError';
}

/** The answer was not WeCom's JSON (not JSON, no errcode, or fields missing). */
export class WeComBadResponseError extends WeComHttpError {
  override name = 'WeComBadResponseError';
}

/** The arguments were refused before any request was sent (e.g. a theme over WeCom's limit). */
export class WeComValidationError extends WeComError {
  override name = 'WeComValidationError';
  constructor(
    endpoint: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${endpoint} refused before sending: ${field} ${reason}`, endpoint);
  }
}
