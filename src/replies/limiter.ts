/**
 * WeCom's per-member send limit as a sliding window: at most `limit` messages to one member per `windowMs`.
 * A slot's time is moved to when its send completes, after WeCom received it, so our window never ends before
 * WeCom's does. In memory for one instance; the Redis limiter shares the window between instances.
 */

export interface Slot {
  id: string;
}

export interface SendLimiter {
  /** Takes a slot for a message to `userid`: the slot, or the ms until one frees. */
  take(userid: string): Promise<Slot | { waitMs: number }>;
  /** The send that took `slot` has completed now. */
  complete(userid: string, slot: Slot): Promise<void>;
}

export class MemoryLimiter implements SendLimiter {
  private readonly sent = new Map<string, Array<{ id: string; at: number }>>();
  private next = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async take(userid: string): Promise<Slot | { waitMs: number }> {
    const now = Date.now();
    const slots = (this.sent.get(userid) ?? []).filter((s) => now - s.at < this.windowMs);
    if (slots.length >= this.limit) {
      this.sent.set(userid, slots);
      return { waitMs: Math.max(1, slots[0]!.at + this.windowMs - now) };
    }
    const slot = { id: String(++this.next), at: now };
    slots.push(slot);
    this.sent.set(userid, slots);
    return slot;
  }

  async complete(userid: string, slot: Slot): Promise<void> {
    const entry = this.sent.get(userid)?.find((s) => s.id === slot.id);
    if (entry) entry.at = Date.now();
  }
}
