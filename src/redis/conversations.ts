/**
 * Open questions in Redis (one JSON value per member and chat, expiring with the question), so the answer is read
 * by whichever instance it reaches. While Redis is down each instance keeps its own: a question asked there is
 * answered there.
 */
import type { Clock } from '../clock.js';
import { CONVERSATION_TTL_MS, MemoryConversations, type Conversation, type ConversationStore } from '../commands/conversation.js';
import type { RedisConnection } from './connection.js';

export class RedisConversations implements ConversationStore {
  private readonly memory: MemoryConversations;
  /** Questions dropped while Redis was down: deleted there as soon as it answers, so none comes back to life. */
  private readonly dropped = new Set<string>();

  constructor(
    private readonly redis: RedisConnection,
    clock: Clock,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {
    this.memory = new MemoryConversations(clock, ttlMs);
  }

  async get(key: string): Promise<Conversation | undefined> {
    try {
      await this.forgetDropped();
      const value = await this.redis.client.get(`wecom:conversation:${key}`);
      if (value !== null) return JSON.parse(value) as Conversation;
    } catch {
      // Down: the question may have been asked while it was, in this process.
    }
    return this.memory.get(key);
  }

  async set(key: string, conversation: Conversation): Promise<void> {
    this.dropped.delete(key);
    try {
      await this.redis.client.set(`wecom:conversation:${key}`, JSON.stringify(conversation), 'PX', this.ttlMs);
      await this.memory.delete(key);
    } catch {
      await this.memory.set(key, conversation);
    }
  }

  async delete(key: string): Promise<void> {
    await this.memory.delete(key);
    try {
      await this.redis.client.del(`wecom:conversation:${key}`);
    } catch {
      // Down: remembered, and deleted in Redis once it answers (its TTL would otherwise bring it back for minutes).
      if (this.dropped.size < 100_000) this.dropped.add(key);
    }
  }

  private async forgetDropped(): Promise<void> {
    if (this.dropped.size === 0) return;
    const keys = [...this.dropped];
    await this.redis.client.del(...keys.map((k) => `wecom:conversation:${k}`));
    for (const k of keys) this.dropped.delete(k);
  }
}
