/** Who was told their message was refused (busy, too many at once): once per member per interval, not per message. */
import type { Clock } from '../clock.js';

export class RefusalNotices {
  private readonly told = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
  ) {}

  /** True when `member` should be told now; the next true comes after the interval. */
  tell(member: string): boolean {
    const now = this.clock.now();
    const last = this.told.get(member);
    if (last !== undefined && now - last < this.intervalMs) return false;
    // Bounded: entries older than the interval say nothing and are dropped as new ones come.
    if (this.told.size > 10_000) for (const [m, at] of this.told) if (now - at >= this.intervalMs) this.told.delete(m);
    this.told.set(member, now);
    return true;
  }
}
