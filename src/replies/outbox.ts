/**
 * Sends replies to members within WeCom's per-member limit (30 messages a minute; past it WeCom drops messages
 * without an error, docs/wecom-protocol.md §2). A reply over the limit waits for a slot, in order; several waiting
 * texts for one member are merged into one message. Waiting is bounded: per member (past it, cards and files are
 * summed up in one closing line instead of growing the queue) and in total (past it a reply is dropped, and the log
 * says which). While WeCom refuses the app's secret (40001, remembered for a cooldown) replies are held for the
 * cooldown instead of dropped. At shutdown, replies still waiting are handed to Redis for the next instance when
 * there is one; otherwise the log names every member and what they did not get.
 */
import type { LogDigest } from '../log-digest.js';
import { IdleSignal } from '../idle.js';
import type { Logger } from '../log.js';
import { describeErrcode } from '../wecom/error-handler.js';
import { describeForLog, type WeComApi } from '../wecom/client.js';
import { WeComApiError } from '../wecom/errors.js';
import type { MessageBody } from '../wecom/types.js';
import type { SendLimiter, Slot } from './limiter.js';
import type { Reply } from './reply.js';

/** Where replies still waiting at shutdown go, for another instance to send (Redis in a deployment). */
export interface PendingReplies {
  /** Keeps `replies`; false when it could not. */
  keep(replies: Array<{ to: string; reply: Reply }>): Promise<boolean>;
}

export interface OutboxOptions {
  api: WeComApi;
  logger: Logger;
  /** WeCom's per-member limit (30 a minute), in memory or shared through Redis. */
  limiter: SendLimiter;
  /** Replies one member may have waiting; default 20. */
  waitingPerMember?: number;
  /** Replies waiting over all members; default 10,000. */
  waitingTotal?: number;
  /** How long a reply is held while WeCom refuses the app's secret (the token cooldown); default 60,000 ms. */
  holdMs?: number;
  /** How many times a reply is held before it is given up; default 10. */
  maxHolds?: number;
  /** Where replies WeCom would not take are logged: one warn line at once, then a count per interval. */
  unsent?: LogDigest;
  /** Called for every reply that could not be sent (the metric). */
  onUnsent?: () => void;
}

const MERGE_SEPARATOR = '\n\n';
/** WeCom's text limit is 2048 bytes; merged texts stay under it. */
const TEXT_MAX_BYTES = 2048;
const KIND_NAMES: Record<Reply['kind'], string> = { text: '消息', markdown: '消息', card: '卡片', file: '文件', 'update-card': '卡片更新', 'replace-card': '卡片更新' };

interface Waiting {
  reply: Reply;
  holds: number;
  /** A held reply is not sent before this (ms since the epoch), whatever else flushes the member's queue. */
  notBefore?: number;
}

export class Outbox {
  private readonly waiting = new Map<string, Waiting[]>();
  /** Per member: replies that did not fit the member's bound, by kind, told in one line when the queue empties. */
  private readonly overflow = new Map<string, Map<string, number>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly idle = new IdleSignal();
  private count = 0;
  /** Replies dropped because the whole outbox was full (the log names each). */
  dropped = 0;

  constructor(private readonly options: OutboxOptions) {}

  /** Sends `reply` to `userid` now if the member is under the limit, else queues it; resolves once sent or queued. */
  async deliver(userid: string, reply: Reply): Promise<void> {
    // Card updates change a message already sent: they are not new messages to the member.
    if (reply.kind === 'update-card' || reply.kind === 'replace-card') return this.track(this.send(userid, { reply, holds: 0 }));
    if (this.waiting.has(userid)) return this.enqueue(userid, { reply, holds: 0 }, 0);
    const slot = await this.options.limiter.take(userid);
    if ('waitMs' in slot) return this.enqueue(userid, { reply, holds: 0 }, slot.waitMs);
    return this.track(this.send(userid, { reply, holds: 0 }, slot));
  }

  /** Replies waiting for a slot, over all members. */
  get backlog(): number {
    return this.count;
  }

  /**
   * Resolves true once nothing waits or is in flight, false after `timeoutMs`. With `pending`, replies waiting for a
   * member's window are handed over at once (they could wait a minute); without, whatever still waits at the
   * deadline is logged as dropped, member by member.
   */
  async drain(timeoutMs: number, pending?: PendingReplies): Promise<boolean> {
    if (pending && this.count > 0) {
      const handed = this.takeWaiting();
      if (await pending.keep(handed)) this.options.logger.info({ replies: handed.length }, 'replies still waiting handed to Redis for the next instance');
      else this.logDropped(handed, 'Redis did not take them');
      this.checkIdle();
    }
    const idle = this.isIdle() || (await this.idle.wait(timeoutMs));
    if (!idle && this.count > 0) this.logDropped(this.takeWaiting(), 'shutting down');
    return idle;
  }

  private takeWaiting(): Array<{ to: string; reply: Reply }> {
    const all: Array<{ to: string; reply: Reply }> = [];
    for (const [to, queue] of this.waiting) for (const w of queue) all.push({ to, reply: w.reply });
    for (const [to] of this.overflow) {
      const summary = this.summary(to);
      if (summary) all.push({ to, reply: summary });
    }
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const queue of this.waiting.values()) queue.length = 0;
    this.waiting.clear();
    this.overflow.clear();
    this.count = 0;
    return all;
  }

  private logDropped(replies: Array<{ to: string; reply: Reply }>, why: string): void {
    const byMember = new Map<string, Record<string, number>>();
    for (const { to, reply } of replies) {
      const kinds = byMember.get(to) ?? {};
      kinds[reply.kind] = (kinds[reply.kind] ?? 0) + 1;
      byMember.set(to, kinds);
    }
    for (const [userid, kinds] of byMember) this.options.logger.error({ userid, dropped: kinds, why }, 'replies not sent');
  }

  private enqueue(userid: string, entry: Waiting, waitMs: number): void {
    const queue = this.waiting.get(userid) ?? [];
    const last = queue.at(-1)?.reply;
    const { reply } = entry;
    if (last?.kind === 'text' && reply.kind === 'text' && Buffer.byteLength(last.content + MERGE_SEPARATOR + reply.content) <= TEXT_MAX_BYTES) {
      last.content += MERGE_SEPARATOR + reply.content;
    } else if (queue.length >= (this.options.waitingPerMember ?? 20)) {
      // One member's backlog does not grow: what does not fit is summed up in one line when the queue empties.
      const kinds = this.overflow.get(userid) ?? new Map<string, number>();
      kinds.set(KIND_NAMES[reply.kind], (kinds.get(KIND_NAMES[reply.kind]) ?? 0) + 1);
      this.overflow.set(userid, kinds);
    } else if (this.count >= (this.options.waitingTotal ?? 10_000)) {
      this.dropped++;
      this.options.logger.error({ userid, reply: reply.kind, waiting: this.count }, 'reply dropped: the outbox is full');
    } else {
      queue.push(reply.kind === 'text' ? { ...entry, reply: { ...reply } } : entry);
      this.count++;
    }
    if (queue.length > 0) this.waiting.set(userid, queue);
    this.options.logger.info({ userid, waiting: queue.length }, 'reply queued: member is at the 30/min limit');
    if (waitMs > 0) this.schedule(userid, waitMs);
  }

  /** The closing line for replies that did not fit a member's bound. */
  private summary(userid: string): Reply | undefined {
    const kinds = this.overflow.get(userid);
    if (!kinds) return undefined;
    const what = [...kinds].map(([kind, n]) => `${n}条${kind}`).join('、');
    return { kind: 'text', content: `消息太多，另有${what}没有发出。请稍后发送「我的直播」查看最新情况。` };
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
      const held = queue[0]!.notBefore;
      if (held !== undefined && held > Date.now()) {
        this.schedule(userid, held - Date.now());
        return;
      }
      const slot = await this.options.limiter.take(userid);
      // Handed over at shutdown while this flush waited: those replies are Redis's now.
      if (this.waiting.get(userid) !== queue) return;
      if ('waitMs' in slot) {
        this.schedule(userid, slot.waitMs);
        return;
      }
      this.count--;
      void this.track(this.send(userid, queue.shift()!, slot));
    }
    this.waiting.delete(userid);
    const summary = this.summary(userid);
    if (summary) {
      this.overflow.delete(userid);
      // The line that sums up what was not sent comes after what was.
      const sending = Promise.allSettled([...this.inflight]).then(() => this.deliver(userid, summary));
      await this.track(sending);
    }
    this.checkIdle();
  }

  private async send(userid: string, entry: Waiting, slot?: Slot): Promise<void> {
    const { api } = this.options;
    const { reply } = entry;
    try {
      if (reply.kind === 'update-card') await api.updateTemplateCard([userid], reply.responseCode, { replaceName: reply.replaceName });
      else if (reply.kind === 'replace-card') await api.updateTemplateCard([userid], reply.responseCode, { card: reply.card });
      else await api.sendMessage(userid, toMessage(reply));
    } catch (error) {
      // WeCom refused the app's secret: nothing was sent, and nothing will be until the admin fixes it or the
      // cooldown ends; the reply waits for that instead of being lost.
      const refusedSecret = error instanceof WeComApiError && error.endpoint === 'gettoken' && describeErrcode(error.errcode).kind === 'configuration';
      if (refusedSecret && entry.holds < (this.options.maxHolds ?? 10) && reply.kind !== 'update-card' && reply.kind !== 'replace-card') {
        this.options.logger.warn({ userid, reply: reply.kind, holds: entry.holds + 1, err: describeForLog(error) }, 'reply held: WeCom refuses the app secret');
        const holdMs = this.options.holdMs ?? 60_000;
        this.enqueue(userid, { reply, holds: entry.holds + 1, notBefore: Date.now() + holdMs }, holdMs);
        return;
      }
      // The client already retried what was safe to retry; the member cannot be told through the channel that failed.
      // When WeCom is unreachable every reply fails: one line a minute says how many, /metrics counts each.
      this.options.onUnsent?.();
      const err = describeForLog(error);
      if (this.options.unsent) this.options.unsent.note(String(err.type ?? 'error'), { userid, reply: reply.kind, err });
      else this.options.logger.warn({ userid, reply: reply.kind, err }, 'reply could not be sent');
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
