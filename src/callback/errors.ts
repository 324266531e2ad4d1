/** Refusals of the callback endpoint: the class decides the HTTP status, `code` is the logged reason. */

export type RefusalCode =
  | 'missing-query'
  | 'body-too-large'
  | 'malformed-xml'
  | 'doctype'
  | 'stale-timestamp'
  | 'bad-signature'
  | 'bad-ciphertext'
  | 'bad-padding'
  | 'wrong-receiver'
  | 'malformed-message';

/** Base class: an HTTP status and a reason code, and never a secret in the message. */
export class CallbackError extends Error {
  override name = 'CallbackError';
  constructor(
    readonly status: 400 | 401 | 413,
    readonly code: RefusalCode,
  ) {
    super(`callback refused: ${code}`);
  }
}

/** 400: the request is not a WeCom callback (missing query, broken or hostile XML). */
export class CallbackBadRequest extends CallbackError {
  override name = 'CallbackBadRequest';
  constructor(code: 'missing-query' | 'malformed-xml' | 'doctype' | 'malformed-message') {
    super(400, code);
  }
}

/** 401: not signed or encrypted by WeCom for us, or replayed outside the window. */
export class CallbackAuthError extends CallbackError {
  override name = 'CallbackAuthError';
  constructor(code: 'stale-timestamp' | 'bad-signature' | 'bad-ciphertext' | 'bad-padding' | 'wrong-receiver') {
    super(401, code);
  }
}

/** 413: the body is over the limit (WeCom's callbacks are a few KB). */
export class CallbackTooLarge extends CallbackError {
  override name = 'CallbackTooLarge';
  constructor() {
    super(413, 'body-too-large');
  }
}
