/**
 * The 智能机器人's per-member in-progress count shared by every instance: INCR and a rollback in one Lua step, with
 * an expiry so a count an instance never gave back (it died) lapses after the stream window.
 */
import { MemoryInProgress, type InProgress } from '../aibot/in-progress.js';
import { userKey } from '../userid.js';
import type { RedisConnection } from './connection.js';

// KEYS[1] the member's count; ARGV: max, expiry ms. Returns 1 when counted, 0 when `max` were already in progress.
const ENTER = `
local n = redis.call('incr', KEYS[1])
redis.call('pexpire', KEYS[1], ARGV[2])
if n > tonumber(ARGV[1]) then
  redis.call('decr', KEYS[1])
  return 0
end
return 1`;
const LEAVE = `
local n = redis.call('decr', KEYS[1])
if n <= 0 then redis.call('del', KEYS[1]) end
return n`;

export class RedisInProgress implements InProgress {
  private readonly memory = new MemoryInProgress();
  /** Members counted in memory while Redis was down: given back there. */
  private readonly local = new Map<string, number>();

  constructor(
    private readonly redis: RedisConnection,
    /** How long a count lives without being given back (the stream window and a margin). */
    private readonly expiryMs: number,
  ) {}

  async enter(member: string, max: number): Promise<boolean> {
    try {
      return Number(await this.redis.client.eval(ENTER, 1, this.key(member), max, this.expiryMs)) === 1;
    } catch {
      const counted = await this.memory.enter(member, max);
      if (counted) this.local.set(userKey(member), (this.local.get(userKey(member)) ?? 0) + 1);
      return counted;
    }
  }

  async leave(member: string): Promise<void> {
    const key = userKey(member);
    const local = this.local.get(key) ?? 0;
    if (local > 0) {
      if (local === 1) this.local.delete(key);
      else this.local.set(key, local - 1);
      return this.memory.leave(member);
    }
    await this.redis.client.eval(LEAVE, 1, this.key(member)).catch(() => undefined);
  }

  private key(member: string): string {
    return `wecom:aibot:in-progress:${userKey(member)}`;
  }
}
