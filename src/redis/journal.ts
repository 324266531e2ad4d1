/** The per-message journal in Redis: a hash per message, kept a day (WeCom retries for seconds, BullMQ for minutes). */
import type { Journal, StepState } from '../commands/journal.js';
import type { RedisConnection } from './connection.js';

const TTL_SECONDS = 86_400;
const STARTED = 'started';
const DONE = 'done:';

export class RedisJournal implements Journal {
  private readonly key: string;

  constructor(
    private readonly redis: RedisConnection,
    messageKey: string,
  ) {
    this.key = `wecom:journal:${messageKey}`;
  }

  async begin(step: string): Promise<StepState> {
    let results: [[null, number], [null, number], [null, string | null]];
    try {
      results = (await this.redis.client
        .multi()
        .hsetnx(this.key, step, STARTED)
        .expire(this.key, TTL_SECONDS)
        .hget(this.key, step)
        .exec()) as typeof results;
    } catch {
      // Redis is down: go ahead (the message is being handled in this process, where nothing ran it before).
      return { state: 'new' };
    }
    const [[, created], , [, value]] = results;
    if (created === 1) return { state: 'new' };
    if (value?.startsWith(DONE)) return { state: 'done', value: value.slice(DONE.length) };
    return { state: 'interrupted' };
  }

  async finish(step: string, value: string): Promise<void> {
    await this.redis.client.hset(this.key, step, `${DONE}${value}`).catch(() => undefined);
  }
}
