/**
 * The bounded in-process queue between the callback's 200 and the command: several members' commands run at once,
 * one member's run in the order they were sent. When full, push() says so and the caller tells the member the bot
 * is busy: nothing is dropped silently. One member cannot fill it: past `perLane` items only that member is refused.
 */
import { IdleSignal } from '../idle.js';
import type { Logger } from '../log.js';

export interface QueueOptions<T> {
  capacity: number;
  /** Items one member may have waiting or running: past it only that member is refused, everyone else is served. */
  perLane?: number;
  /** Members served at once. */
  concurrency: number;
  /** The member an item belongs to: items of one member run one at a time, in order. */
  laneOf: (item: T) => string;
  handle: (item: T) => Promise<void>;
  logger: Logger;
  /** A handler still running after this long is logged (it keeps running). */
  slowAfterMs?: number;
  onDepthChange?: (depth: number) => void;
}

export class CommandQueue<T> {
  private readonly lanes = new Map<string, T[]>();
  private readonly ready: string[] = [];
  private readonly busy = new Set<string>();
  private running = 0;
  private size = 0;
  private closed = false;
  private readonly idle = new IdleSignal();

  constructor(private readonly options: QueueOptions<T>) {}

  /** Queues `item`: 'queued', or why not ('full' or closed; 'member-full' when its member has too many waiting). */
  push(item: T): 'queued' | 'full' | 'member-full' {
    if (this.closed || this.size >= this.options.capacity) return 'full';
    const lane = this.options.laneOf(item);
    const pending = this.lanes.get(lane);
    const ofMember = (pending?.length ?? 0) + (this.busy.has(lane) ? 1 : 0);
    if (this.options.perLane !== undefined && ofMember >= this.options.perLane) return 'member-full';
    this.size++;
    if (pending) pending.push(item);
    else {
      this.lanes.set(lane, [item]);
      if (!this.busy.has(lane)) this.ready.push(lane);
    }
    this.options.onDepthChange?.(this.size);
    this.pump();
    return 'queued';
  }

  /** Items waiting or running. */
  get depth(): number {
    return this.size;
  }

  /** Stops accepting; resolves true once everything accepted has run, false if `timeoutMs` passed first. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    if (this.size === 0) return true;
    return this.idle.wait(timeoutMs);
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.ready.length > 0) {
      const lane = this.ready.shift()!;
      const pending = this.lanes.get(lane)!;
      const item = pending.shift()!;
      if (pending.length === 0) this.lanes.delete(lane);
      this.busy.add(lane);
      this.running++;
      void this.run(lane, item);
    }
  }

  private async run(lane: string, item: T): Promise<void> {
    const slow = setTimeout(
      () => this.options.logger.warn({ lane, afterMs: this.options.slowAfterMs }, 'command still running'),
      this.options.slowAfterMs ?? 10_000,
    );
    try {
      await this.options.handle(item);
    } catch (error) {
      this.options.logger.error({ lane, err: error }, 'command handler threw');
    } finally {
      clearTimeout(slow);
      this.running--;
      this.size--;
      this.busy.delete(lane);
      if (this.lanes.has(lane)) this.ready.push(lane);
      this.options.onDepthChange?.(this.size);
      this.pump();
      if (this.size === 0) this.idle.notify();
    }
  }
}
