/**
 * The deployment's API stats: every instance publishes its figures to Redis (every few seconds, and whenever 统计
 * asks), and 统计 merges those of the instances seen in the last minute. While Redis is down, 统计 shows this
 * instance alone and says so by listing one instance.
 */
import { mergeApiStats, type ApiStats, type DeploymentStats, type InstanceStats } from '../wecom/api-stats.js';
import type { RedisConnection } from './connection.js';

const INSTANCES = 'wecom:stats:instances';
const FRESH_MS = 60_000;

export class ClusterStats {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisConnection,
    private readonly instance: string,
    private readonly read: () => ApiStats,
    intervalMs = 5000,
  ) {
    this.timer = setInterval(() => void this.publish().catch(() => undefined), intervalMs);
    this.timer.unref();
    void this.publish().catch(() => undefined);
  }

  /** Writes this instance's figures. */
  async publish(): Promise<void> {
    const now = Date.now();
    const entry: InstanceStats = { instance: this.instance, stats: this.read(), at: new Date(now).toISOString() };
    await this.redis.client
      .multi()
      .set(`${INSTANCES}:${this.instance}`, JSON.stringify(entry), 'PX', FRESH_MS)
      .zadd(INSTANCES, now, this.instance)
      .zremrangebyscore(INSTANCES, '-inf', now - FRESH_MS)
      .exec();
  }

  /** Every live instance's figures, and their sum. */
  async collect(): Promise<DeploymentStats> {
    const local: InstanceStats = { instance: this.instance, stats: this.read(), at: new Date().toISOString() };
    try {
      await this.publish();
      const ids = await this.redis.client.zrangebyscore(INSTANCES, Date.now() - FRESH_MS, '+inf');
      const raw = ids.length > 0 ? await this.redis.client.mget(ids.map((id) => `${INSTANCES}:${id}`)) : [];
      const instances = raw.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as InstanceStats);
      return { total: mergeApiStats(instances.map((i) => i.stats)), instances };
    } catch {
      return { total: local.stats, instances: [local] };
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
