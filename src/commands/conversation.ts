/**
 * Questions waiting for an answer: after the bot asks (什么时候开始？), the member's next message is read as the
 * answer. One open question per member and chat; it lapses after 10 minutes of silence. Redis implements the same
 * interface (src/redis/conversations.ts) so the answer may reach any instance.
 */
import type { Clock } from '../clock.js';

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
export const conversationKey = (userid: string, chat = 'app'): string => `${chat}:${userid.toLowerCase()}`;

/** In-process store; expired questions are dropped when read and swept as new ones arrive. */
export class MemoryConversations implements ConversationStore {
  private readonly open = new Map<string, { conversation: Conversation; expires: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {}

  async get(key: string): Promise<Conversation | undefined> {
    const entry = this.open.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.clock.now()) return entry.conversation;
    this.open.delete(key);
    return undefined;
  }

  async set(key: string, conversation: Conversation): Promise<void> {
    const now = this.clock.now();
    // Same TTL for every entry: Map order is expiry order, so the sweep stops at the first live one.
    for (const [k, e] of this.open) {
      if (e.expires > now) break;
      this.open.delete(k);
    }
    this.open.delete(key);
    this.open.set(key, { conversation, expires: now + this.ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.open.delete(key);
  }
}
