/**
 * What /healthz reports beyond "serving": problems an admin must fix while the bot still answers WeCom's callbacks.
 * WeCom's side is read from the calls themselves: a dead egress proxy, or 60020 (this server's address is not on
 * the app's 企业可信IP list, so nothing can be sent), stays a problem until a call succeeds again.
 */
import type { CallEvent } from './wecom/options.js';
import { WeComApiError, WeComProxyError } from './wecom/errors.js';
import { problemEn } from './wecom/problems.js';

export class WeComHealth {
  private problem: string | undefined;

  /** Feed with every finished WeCom call (WeComApi's onCall). */
  readonly observe = (event: CallEvent): void => {
    if (event.errcode === 0) this.problem = undefined;
    else if (event.error instanceof WeComProxyError || (event.error instanceof WeComApiError && event.error.errcode === 60020)) {
      this.problem = problemEn(event.error);
    }
  };

  /** The current problem, or none. */
  problems(): string[] {
    return this.problem ? [`wecom: ${this.problem}`] : [];
  }
}
