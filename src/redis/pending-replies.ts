/**
 * Replies an instance could not send before it stopped (a member's 30/min window was full), kept in Redis for the
 * instance that comes next: it takes them at start and sends them through its own outbox.
 */
import type { PendingReplies } from '../replies/outbox.js';
import type { Reply } from '../replies/reply.js';
import type { RedisConnection } from './connection.js';

const KEY = 'wecom:outbox:pending';
/** Kept a day at most: a reply older than that says nothing useful any more. */
const TTL_SECONDS = 86_400;

export class RedisPendingReplies implements PendingReplies {
  constructor(private readonly redis: RedisConnection) {}

  async keep(replies: Array<{ to: string; reply: Reply }>): Promise<boolean> {
    if (replies.length === 0) return true;
    try {
      await this.redis.client.multi().rpush(KEY, ...replies.map((r) => JSON.stringify(r))).expire(KEY, TTL_SECONDS).exec();
      return true;
    } catch {
      return false;
    }
  }

  /** Takes up to `max` kept replies (each is taken by one instance only). */
  async take(max = 1000): Promise<Array<{ to: string; reply: Reply }>> {
    try {
      const raw = (await this.redis.client.lpop(KEY, max)) ?? [];
      return raw.map((r) => JSON.parse(r) as { to: string; reply: Reply });
    } catch {
      return [];
    }
  }
}
