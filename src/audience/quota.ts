/**
 * The app's daily message quota (docs/wecom-protocol.md §4a): WeCom takes at most 账号上限数 × 200 member-messages a
 * day from an app and drops the rest without an error, so messages to an audience take their share first and what
 * does not fit is held back and said — never sent into the void.
 */
export interface SendQuota {
  /** Takes up to `n` member-messages from `day`'s quota: how many were granted. */
  take(n: number, day: string): Promise<number>;
  /** What is left of `day`'s quota. */
  left(day: string): Promise<number>;
  /** Gives back `n` taken from `day`'s quota and not used (the call failed). */
  giveBack(n: number, day: string): Promise<void>;
}

/** The quota as counted by this process. */
export class MemorySendQuota implements SendQuota {
  private readonly used = new Map<string, number>();

  constructor(private readonly limit: number) {}

  async take(n: number, day: string): Promise<number> {
    const used = this.used.get(day) ?? 0;
    const granted = Math.max(0, Math.min(n, this.limit - used));
    // Only today's count is worth keeping.
    if (!this.used.has(day)) this.used.clear();
    this.used.set(day, used + granted);
    return granted;
  }

  async left(day: string): Promise<number> {
    return Math.max(0, this.limit - (this.used.get(day) ?? 0));
  }

  async giveBack(n: number, day: string): Promise<void> {
    this.used.set(day, Math.max(0, (this.used.get(day) ?? 0) - n));
  }
}
