/**
 * Questions waiting for an answer: after the bot asks (什么时候开始？), the member's next message is read as the
 * answer. One open question per member and chat; it lapses after 10 minutes of silence. Redis implements the same
 * interface (src/redis/conversations.ts) so the answer may reach any instance.
 */
import type { Clock } from '../clock.js';
import { MemoryExpiringStore } from '../expiring.js';
import { userKey } from '../userid.js';

export interface Conversation {
  /** The command that asked. */
  command: string;
  /** What it needs to read the answer. */
  state: unknown;
}

export interface ConversationStore {
  get(key: string): Promise<Conversation | undefined>;
  set(key: string, conversation: Conversation): Promise<void>;
  delete(key: string): Promise<void>;
}

/** How long a question waits for its answer. */
export const CONVERSATION_TTL_MS = 10 * 60_000;

/** The key of a member's conversation: per chat, so a question in a group is not answered from a single chat. */
export const conversationKey = (userid: string, chat = 'app'): string => `${chat}:${userKey(userid)}`;

/** In-process store: questions lapse after `ttlMs`. */
export class MemoryConversations implements ConversationStore {
  private readonly open: MemoryExpiringStore<Conversation>;

  constructor(
    clock: Clock,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {
    this.open = new MemoryExpiringStore<Conversation>(clock, 100_000);
  }

  get(key: string): Promise<Conversation | undefined> {
    return this.open.get(key);
  }

  set(key: string, conversation: Conversation): Promise<void> {
    return this.open.set(key, conversation, this.ttlMs);
  }

  delete(key: string): Promise<void> {
    return this.open.delete(key);
  }
}
