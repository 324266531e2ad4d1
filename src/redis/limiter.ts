/** WeCom's per-member send limit shared by every instance: a sorted set of send times per member, in one Lua step. */
import { randomBytes } from 'node:crypto';
import { MemoryLimiter, type SendLimiter, type Slot } from '../replies/limiter.js';
import type { RedisConnection } from './connection.js';

// KEYS[1] the member's set; ARGV: now, window, limit, slot id. Returns 0 when the slot was taken, else ms to wait.
const TAKE = `
redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('zcard', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1]))
end
redis.call('zadd', KEYS[1], ARGV[1], ARGV[4])
redis.call('pexpire', KEYS[1], ARGV[2])
return 0`;

export class RedisLimiter implements SendLimiter {
  private readonly memory: MemoryLimiter;

  constructor(
    private readonly redis: RedisConnection,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.memory = new MemoryLimiter(limit, windowMs);
  }

  async take(userid: string): Promise<Slot | { waitMs: number }> {
    const id = randomBytes(8).toString('hex');
    try {
      const wait = Number(await this.redis.client.eval(TAKE, 1, this.key(userid), Date.now(), this.windowMs, this.limit, id));
      return wait === 0 ? { id } : { waitMs: wait };
    } catch {
      // Redis is down: this instance's own window is the best it can do.
      return this.memory.take(userid);
    }
  }

  async complete(userid: string, slot: Slot): Promise<void> {
    await this.memory.complete(userid, slot);
    await this.redis.client.zadd(this.key(userid), 'XX', Date.now(), slot.id).catch(() => undefined);
  }

  private key(userid: string): string {
    return `wecom:sent:${userid}`;
  }
}
