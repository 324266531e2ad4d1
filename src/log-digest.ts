/**
 * Log lines that can come in floods (refused callbacks, replies WeCom would not take) written as a digest: the first
 * of a kind at once, then one line per interval with how many more there were and from where. 5,000 unsigned POSTs
 * are two lines, not 5,000, and the first still says what happened when it happened.
 */
import type { Logger } from './log.js';

interface Window {
  started: number;
  /** Notes after the first of this window, not yet written. */
  more: number;
  /** How many came from each client address (the first 20 addresses). */
  from: Map<string, number>;
}

const MAX_ADDRESSES = 20;

export class LogDigest {
  private readonly windows = new Map<string, Window>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly logger: Logger,
    private readonly level: 'info' | 'warn' | 'error',
    /** The message of every line this digest writes. */
    private readonly message: string,
    private readonly intervalMs = 60_000,
  ) {
    this.timer = setInterval(() => this.flush(false), Math.max(10, Math.min(intervalMs, 10_000)));
    this.timer.unref();
  }

  /** Notes one occurrence of `kind`; `fields` describe it, `from` is where it came from (a client address). */
  note(kind: string, fields: Record<string, unknown>, from?: string): void {
    const now = Date.now();
    const window = this.windows.get(kind);
    if (window && now - window.started < this.intervalMs) {
      window.more++;
      if (from !== undefined && (window.from.has(from) || window.from.size < MAX_ADDRESSES)) window.from.set(from, (window.from.get(from) ?? 0) + 1);
      return;
    }
    if (window) this.write(kind, window);
    this.windows.set(kind, { started: now, more: 0, from: new Map() });
    this.logger[this.level]({ kind, ...fields, ...(from !== undefined ? { from } : {}) }, this.message);
  }

  /** Writes what the windows that ended (or all, with `all`) held beyond their first line. */
  flush(all = true): void {
    const now = Date.now();
    for (const [kind, window] of this.windows) {
      if (!all && now - window.started < this.intervalMs) continue;
      this.write(kind, window);
      this.windows.delete(kind);
    }
  }

  /** Stops the timer after writing what is pending. */
  close(): void {
    this.flush(true);
    clearInterval(this.timer);
  }

  private write(kind: string, window: Window): void {
    if (window.more === 0) return;
    const periodSeconds = Math.round((Date.now() - window.started) / 1000);
    this.logger[this.level]({ kind, more: window.more, periodSeconds, ...(window.from.size > 0 ? { from: Object.fromEntries(window.from) } : {}) }, `${this.message} (more)`);
  }
}
