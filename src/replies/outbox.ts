/**
 * Sends replies to members within WeCom's per-member limit (30 messages a minute; past it WeCom drops messages
 * without an error, docs/wecom-protocol.md §2). A reply over the limit waits for a slot, in order; several waiting texts for one
 * member are merged into one message. Nothing is dropped silently: a reply that cannot be sent is logged.
 */
import { IdleSignal } from '../idle.js';
import type { Logger } from '../log.js';
import { describeForLog, type WeComApi } from '../wecom/client.js';
import type { MessageBody } from '../wecom/types.js';
import type { SendLimiter, Slot } from './limiter.js';
import type { Reply } from './reply.js';

export interface OutboxOptions {
  api: WeComApi;
  logger: Logger;
  /** WeCom's per-member limit (30 a minute), in memory or shared through Redis. */
  limiter: SendLimiter;
}

const MERGE_SEPARATOR = '\n\n';
/** WeCom's text limit is 2048 bytes; merged texts stay under it. */
const TEXT_MAX_BYTES = 2048;

export class Outbox {
  private readonly waiting = new Map<string, Reply[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly idle = new IdleSignal();

  constructor(private readonly options: OutboxOptions) {}

  /** Sends `reply` to `userid` now if the member is under the limit, else queues it; resolves once sent or queued. */
  async deliver(userid: string, reply: Reply): Promise<void> {
    // Card updates change a message already sent: they are not new messages to the member.
    if (reply.kind === 'update-card' || reply.kind === 'replace-card') return this.track(this.send(userid, reply));
    const queue = this.waiting.get(userid);
    if (queue) return this.enqueue(userid, reply, 0);
    const slot = await this.options.limiter.take(userid);
    if ('waitMs' in slot) return this.enqueue(userid, reply, slot.waitMs);
    return this.track(this.send(userid, reply, slot));
  }

  /** Replies waiting for a slot, over all members. */
  get backlog(): number {
    let n = 0;
    for (const q of this.waiting.values()) n += q.length;
    return n;
  }

  /** Resolves true once nothing waits or is in flight, false after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    return this.isIdle() || this.idle.wait(timeoutMs);
  }

  private enqueue(userid: string, reply: Reply, waitMs: number): void {
    const queue = this.waiting.get(userid) ?? [];
    const last = queue.at(-1);
    if (last?.kind === 'text' && reply.kind === 'text' && Buffer.byteLength(last.content + MERGE_SEPARATOR + reply.content) <= TEXT_MAX_BYTES) {
      last.content += MERGE_SEPARATOR + reply.content;
    } else {
      queue.push(reply.kind === 'text' ? { ...reply } : reply);
    }
    this.waiting.set(userid, queue);
    this.options.logger.info({ userid, waiting: queue.length }, 'reply queued: member is at the 30/min limit');
    if (waitMs > 0) this.schedule(userid, waitMs);
  }

  private schedule(userid: string, waitMs: number): void {
    if (this.timers.has(userid)) return;
    const timer = setTimeout(() => {
      this.timers.delete(userid);
      void this.flush(userid);
    }, waitMs);
    this.timers.set(userid, timer);
  }

  private async flush(userid: string): Promise<void> {
    const queue = this.waiting.get(userid);
    while (queue && queue.length > 0) {
      const slot = await this.options.limiter.take(userid);
      if ('waitMs' in slot) {
        this.schedule(userid, slot.waitMs);
        return;
      }
      void this.track(this.send(userid, queue.shift()!, slot));
    }
    this.waiting.delete(userid);
    this.checkIdle();
  }

  private async send(userid: string, reply: Reply, slot?: Slot): Promise<void> {
    const { api } = this.options;
    try {
      if (reply.kind === 'update-card') await api.updateTemplateCard([userid], reply.responseCode, { replaceName: reply.replaceName });
      else if (reply.kind === 'replace-card') await api.updateTemplateCard([userid], reply.responseCode, { card: reply.card });
      else await api.sendMessage(userid, toMessage(reply));
    } catch (error) {
      // The client already retried what was safe to retry; the member cannot be told through the channel that failed.
      this.options.logger.error({ userid, reply: reply.kind, err: describeForLog(error) }, 'reply could not be sent');
    } finally {
      if (slot) await this.options.limiter.complete(userid, slot);
    }
  }

  private track(p: Promise<void>): Promise<void> {
    this.inflight.add(p);
    return p.finally(() => {
      this.inflight.delete(p);
      this.checkIdle();
    });
  }

  private isIdle(): boolean {
    return this.waiting.size === 0 && this.inflight.size === 0;
  }

  private checkIdle(): void {
    if (this.isIdle()) this.idle.notify();
  }
}

function toMessage(reply: Extract<Reply, { kind: 'text' | 'markdown' | 'card' | 'file' }>): MessageBody {
  if (reply.kind === 'text') return { msgtype: 'text', text: { content: reply.content } };
  if (reply.kind === 'file') return { msgtype: 'file', file: { media_id: reply.mediaId } };
  if (reply.kind === 'markdown') return { msgtype: 'markdown', markdown: { content: reply.content } };
  return { msgtype: 'template_card', template_card: reply.card };
}
