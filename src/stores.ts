/**
 * Every store the bot keeps state in, built in one place: in Redis when it is configured (shared by every instance,
 * each with its in-process twin while Redis is down), in this process otherwise. The rest of the bot sees only
 * the interfaces.
 */
import { MemoryInProgress, type InProgress } from './aibot/in-progress.js';
import { MemorySendQuota, type SendQuota } from './audience/quota.js';
import { AudienceStore, MemoryOnceClaims, type AudienceRecord } from './audience/store.js';
import type { LiveSchedule } from './calendar/live-calendar.js';
import { SeriesStore, type SeriesOfLive, type SeriesRecord } from './series/store.js';
import { SCHEDULES_PER_DAY } from './wecom/client.js';
import type { StreamState } from './aibot/router.js';
import { MemoryDedupe, type DedupeStore } from './callback/dedupe.js';
import type { CallbackMessage } from './callback/message.js';
import type { Clock } from './clock.js';
import { MemoryConversations, type ConversationStore } from './commands/conversation.js';
import { NO_JOURNAL, type Journal } from './commands/journal.js';
import { MemoryExpiringStore, type ExpiringStore } from './expiring.js';
import type { RedisConnection } from './redis/connection.js';
import { RedisConversations } from './redis/conversations.js';
import { RedisDedupe } from './redis/dedupe.js';
import { RedisExpiringStore } from './redis/expiring.js';
import { RedisInProgress } from './redis/in-progress.js';
import { RedisJournal } from './redis/journal.js';
import { RedisLimiter } from './redis/limiter.js';
import { RedisOnceClaims } from './redis/once-claims.js';
import { RedisSendQuota } from './redis/send-quota.js';
import { RedisPendingReplies } from './redis/pending-replies.js';
import { RedisTokenStore } from './redis/token-store.js';
import { MemoryLimiter, type SendLimiter } from './replies/limiter.js';
import type { TokenStore } from './wecom/token.js';
import type { TemplateCard } from './wecom/types.js';

export interface Stores {
  /** The shared access_token; undefined: the client's own in-process cache. */
  tokens?: TokenStore;
  dedupe: DedupeStore;
  /** WeCom's per-member send limit. */
  limiter: SendLimiter;
  conversations: ConversationStore;
  /** What an earlier run of a message did (a message can run again after its instance died). */
  journalOf(message: CallbackMessage): Journal;
  /** Replies a stopping instance hands over; undefined without Redis (nothing to hand over to). */
  pendingReplies?: RedisPendingReplies;
  /** The 智能机器人's streams, the cards it sent, and its members' messages in progress. */
  streams: ExpiringStore<StreamState>;
  cards: ExpiringStore<TemplateCard>;
  inProgress: InProgress;
  /** Invited audiences, and the once-a-day claims of their nudges. */
  audiences: AudienceStore;
  /** The app's daily message quota, shared by invitations and nudges. */
  sendQuota: SendQuota;
  /** Each live's calendar entry. */
  schedules: ExpiringStore<LiveSchedule>;
  /** Series of lives, by series ID and by a session's livingid. */
  series: SeriesStore;
  /** The schedules the app may still create today (WeCom: 20,000 a day). */
  scheduleQuota: SendQuota;
}

export interface StoreOptions {
  clock: Clock;
  /** WeCom's per-member limit and its window. */
  sendLimit: number;
  sendWindowMs: number;
  /** How long a count of messages in progress may live without being given back. */
  inProgressExpiryMs: number;
  /** Member-messages a day for audiences. */
  dailySendQuota: number;
}

/** The stores, in `redis` when given, else in this process. */
export function createStores(redis: RedisConnection | undefined, options: StoreOptions): Stores {
  const { clock } = options;
  if (!redis) {
    return {
      dedupe: new MemoryDedupe(clock),
      limiter: new MemoryLimiter(options.sendLimit, options.sendWindowMs),
      conversations: new MemoryConversations(clock),
      journalOf: () => NO_JOURNAL,
      streams: new MemoryExpiringStore<StreamState>(clock),
      cards: new MemoryExpiringStore<TemplateCard>(clock, 5000),
      inProgress: new MemoryInProgress(),
      audiences: new AudienceStore(new MemoryExpiringStore<AudienceRecord>(clock), new MemoryOnceClaims(clock)),
      sendQuota: new MemorySendQuota(options.dailySendQuota),
      schedules: new MemoryExpiringStore<LiveSchedule>(clock),
      series: new SeriesStore(new MemoryExpiringStore<SeriesRecord>(clock), new MemoryExpiringStore<SeriesOfLive>(clock)),
      scheduleQuota: new MemorySendQuota(SCHEDULES_PER_DAY),
    };
  }
  return {
    tokens: new RedisTokenStore(redis),
    dedupe: new RedisDedupe(redis, clock),
    limiter: new RedisLimiter(redis, options.sendLimit, options.sendWindowMs),
    conversations: new RedisConversations(redis, clock),
    journalOf: (message) => new RedisJournal(redis, message.dedupeKey),
    pendingReplies: new RedisPendingReplies(redis),
    streams: new RedisExpiringStore<StreamState>(redis, 'wecom:aibot:stream:', clock),
    cards: new RedisExpiringStore<TemplateCard>(redis, 'wecom:aibot:card:', clock),
    inProgress: new RedisInProgress(redis, options.inProgressExpiryMs),
    audiences: new AudienceStore(new RedisExpiringStore<AudienceRecord>(redis, 'wecom:audience:', clock), new RedisOnceClaims(redis)),
    sendQuota: new RedisSendQuota(redis, options.dailySendQuota),
    schedules: new RedisExpiringStore<LiveSchedule>(redis, 'wecom:schedule:', clock),
    series: new SeriesStore(new RedisExpiringStore<SeriesRecord>(redis, 'wecom:series:', clock), new RedisExpiringStore<SeriesOfLive>(redis, 'wecom:series-of-live:', clock)),
    scheduleQuota: new RedisSendQuota(redis, SCHEDULES_PER_DAY, 'schedule-quota'),
  };
}
