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

  constructor(
    private readonly redis: RedisConnection,
    clock: Clock,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {
    this.memory = new MemoryConversations(clock, ttlMs);
  }

  async get(key: string): Promise<Conversation | undefined> {
    try {
      const value = await this.redis.client.get(`wecom:conversation:${key}`);
      if (value !== null) return JSON.parse(value) as Conversation;
    } catch {
      // Down: the question may have been asked while it was, in this process.
    }
    return this.memory.get(key);
  }

  async set(key: string, conversation: Conversation): Promise<void> {
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
      // Down: it lapses by its TTL.
    }
  }
}
