/** The public library surface of wecom-live-bot. */
export { WeComApi, describeForLog } from './wecom/client.js';
export { mergeApiStats, type ApiStats } from './wecom/api-stats.js';
export type { WeComApiOptions, CallEvent } from './wecom/options.js';
export { WECOM_API_BASE_URL } from './wecom/options.js';
export {
  WeComError,
  WeComApiError,
  WeComHttpError,
  WeComNetworkError,
  WeComTimeoutError,
  WeComProxyError,
  WeComStatusError,
  WeComBadResponseError,
  WeComValidationError,
} from './wecom/errors.js';
export { createTransport, TransportFailure, type Transport, type HttpRequest, type HttpResponse } from './wecom/http.js';
export { describeErrcode, type ErrorKind, type ErrcodeDescription } from './wecom/error-handler.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './wecom/retry.js';
export { MemoryTokenStore, type TokenStore, type StoredToken, type TokenStats } from './wecom/token.js';
export { PerformanceManager, type EndpointStats } from './wecom/stats.js';
export type * from './wecom/types.js';
export { systemClock, ManualClock, type Clock } from './clock.js';
export { createLogger, type Logger } from './log.js';
