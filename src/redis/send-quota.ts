/**
 * The app's daily message quota shared by every instance: one counter a day (Lua: grant what is left, count it). While
 * Redis is down each instance counts its own share in memory, which can only send less than WeCom allows, not more
 * than its own limit.
 */
import { MemorySendQuota, type SendQuota } from '../audience/quota.js';
import type { RedisConnection } from './connection.js';

/** KEYS[1] the day's counter; ARGV: wanted, limit, ttl ms → granted. */
const TAKE = `
local used = tonumber(redis.call('get', KEYS[1]) or '0')
local granted = math.max(0, math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - used))
if granted > 0 then redis.call('incrby', KEYS[1], granted) end
redis.call('pexpire', KEYS[1], ARGV[3])
return granted`;

const TWO_DAYS_MS = 2 * 24 * 3_600_000;

export class RedisSendQuota implements SendQuota {
  private readonly memory: MemorySendQuota;

  constructor(
    private readonly redis: RedisConnection,
    private readonly limit: number,
    /** Which daily count: the message quota, or the schedules the app may create (schedule-quota). */
    private readonly name = 'send-quota',
  ) {
    this.memory = new MemorySendQuota(limit);
  }

  async take(n: number, day: string): Promise<number> {
    if (!this.redis.isUp()) return this.memory.take(n, day);
    try {
      return Number(await this.redis.client.eval(TAKE, 1, `wecom:${this.name}:${day}`, n, this.limit, TWO_DAYS_MS));
    } catch {
      return this.memory.take(n, day);
    }
  }

  async giveBack(n: number, day: string): Promise<void> {
    if (!this.redis.isUp()) return this.memory.giveBack(n, day);
    try {
      await this.redis.client.decrby(`wecom:${this.name}:${day}`, n);
    } catch {
      await this.memory.giveBack(n, day);
    }
  }

  async left(day: string): Promise<number> {
    try {
      return Math.max(0, this.limit - Number((await this.redis.client.get(`wecom:${this.name}:${day}`)) ?? 0));
    } catch {
      return this.memory.left(day);
    }
  }
}
