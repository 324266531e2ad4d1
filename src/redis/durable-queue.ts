/**
 * The durable command queue of a scaled-out bot (BullMQ on Redis). A message is on it before WeCom gets its 200;
 * any instance's worker runs it; when an instance dies mid-command, BullMQ sees the job's lock lapse and another
 * instance runs it again (at least once), and the per-message journal keeps that from repeating a live or a reply.
 * One member's messages run one at a time across the deployment (a lane lock per member).
 */
import { createHash, randomBytes } from 'node:crypto';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { CallbackMessage } from '../callback/message.js';
import type { Logger } from '../log.js';
import { userKey } from '../userid.js';

const NAME = 'wecom-bot-commands';
/** Counts one more queued message of a member, unless they are at the limit (-1); the count expires as a whole. */
const TAKE_PENDING = `local n = redis.call('incr', KEYS[1]) if n > tonumber(ARGV[1]) then redis.call('decr', KEYS[1]) return -1 end redis.call('pexpire', KEYS[1], ARGV[2]) return n`;
/** One queued message of a member done; never below zero (an expired count is not recreated negative). */
const GIVE_PENDING = `local n = tonumber(redis.call('get', KEYS[1]) or '0') if n > 0 then return redis.call('decr', KEYS[1]) end return 0`;
/** Extends the lane only while this run still owns it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** A job: the message and its member's pending counter. */
interface QueuedMessage {
  message: CallbackMessage;
  pending: string;
}

export interface DurableQueueOptions {
  url: string;
  /** The shared health of this Redis: while it is down, add() falls back at once. */
  isUp: () => boolean;
  /** A command unanswered this long fails, so a hanging Redis cannot hold a callback. */
  commandTimeoutMs: number;
  /** How often a dead instance's jobs are looked for (BullMQ's stalled check). */
  stalledIntervalMs: number;
  /** Messages one member may have queued across the deployment; past it add() says 'member-full'. */
  perMember: number;
  handle: (message: CallbackMessage) => Promise<void>;
  /** Jobs this instance runs at once. */
  concurrency: number;
  /** How long a running job's lock lasts: a dead instance's job runs again after about this long. */
  lockMs: number;
  logger: Logger;
}

export class DurableQueue {
  private readonly producer: Redis;
  private readonly consumer: Redis;
  private readonly lanes: Redis;
  private readonly queue: Queue;
  private readonly worker: Worker;

  constructor(private readonly options: DurableQueueOptions) {
    // The producer fails fast while Redis is down, so the callback can fall back to the in-process queue at once.
    this.producer = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: options.commandTimeoutMs });
    this.consumer = new Redis(options.url, { maxRetriesPerRequest: null });
    this.lanes = new Redis(options.url, { maxRetriesPerRequest: null });
    for (const c of [this.producer, this.consumer, this.lanes]) c.on('error', () => undefined);
    this.queue = new Queue(NAME, { connection: this.producer });
    this.queue.on('error', () => undefined);
    this.worker = new Worker(NAME, async (job, token) => this.runInLane(job, token), {
      connection: this.consumer,
      concurrency: options.concurrency,
      // BullMQ renews a running job's lock every lockDuration / 2, so a short lock costs nothing to a long command;
      // a dead instance's job is taken over after at most lockDuration + stalledInterval.
      lockDuration: options.lockMs,
      stalledInterval: options.stalledIntervalMs,
      maxStalledCount: 5,
    });
    this.worker.on('error', (error) => options.logger.debug({ err: error.message }, 'durable queue worker error'));
    this.worker.on('failed', (job, error) => options.logger.error({ jobId: job?.id, err: error.message }, 'durable command failed'));
  }

  /** Puts `message` on the queue: 'queued', 'member-full', or 'unavailable' when Redis cannot take it (fall back). */
  async add(message: CallbackMessage): Promise<'queued' | 'member-full' | 'unavailable'> {
    if (!this.options.isUp()) return 'unavailable';
    // The job id comes from the message, so the same message added twice is one job.
    const jobId = `m${createHash('sha1').update(message.dedupeKey).digest('hex')}`;
    const pending = `wecom:pending:${userKey(message.from)}`;
    try {
      // One member's flood must not fill every worker with jobs waiting for that member's lane.
      const count = Number(await this.producer.eval(TAKE_PENDING, 1, pending, this.options.perMember, this.options.lockMs * 20));
      if (count < 0) return 'member-full';
      await this.addJob(jobId, { message, pending }).catch(async (error: unknown) => {
        // Not queued: the count taken for it is given back before the caller falls back to memory.
        await this.producer.eval(GIVE_PENDING, 1, pending).catch(() => undefined);
        throw error;
      });
      return 'queued';
    } catch (error) {
      this.options.logger.warn({ err: (error as Error).message }, 'durable queue unavailable: message kept in process');
      return 'unavailable';
    }
  }

  private async addJob(jobId: string, data: QueuedMessage): Promise<void> {
    await this.queue.add('message', data, {
      jobId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 86_400 },
    });
  }


  /** Stops taking jobs and waits (up to `timeoutMs`) for the running ones; false if they did not finish. */
  async close(timeoutMs: number): Promise<boolean> {
    const closed = await Promise.race([
      this.worker.close().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
    ]);
    await this.queue.close().catch(() => undefined);
    for (const c of [this.producer, this.consumer, this.lanes]) c.disconnect();
    return closed;
  }

  /**
   * Runs a message while holding its member's lane, so one member's commands never run side by side. A lane that
   * stays busy past the lock time sends the job back to wait (BullMQ's delayed state) rather than running it
   * without the lane.
   */
  private async runInLane(job: Job, token: string | undefined): Promise<void> {
    const data = job.data as QueuedMessage | CallbackMessage;
    // Jobs queued by an earlier version hold the message alone.
    const { message, pending } = 'message' in data && 'pending' in data ? data : { message: data, pending: undefined };
    const key = `wecom:lane:${message.from}`;
    const owner = randomBytes(12).toString('hex');
    const deadline = Date.now() + this.options.lockMs;
    // A lane held past its TTL belonged to a dead instance and has expired by then.
    while ((await this.lanes.set(key, owner, 'PX', this.options.lockMs, 'NX')) !== 'OK') {
      if (Date.now() >= deadline) {
        await job.moveToDelayed(Date.now() + 500, token);
        throw new DelayedError();
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // A long command (an export) keeps its lane: renewed while it runs (and only while it is still ours).
    const renew = setInterval(() => void this.lanes.eval(RENEW, 1, key, owner, this.options.lockMs).catch(() => undefined), this.options.lockMs / 2);
    let succeeded = false;
    try {
      await this.options.handle(message);
      succeeded = true;
    } finally {
      clearInterval(renew);
      await this.lanes.eval(RELEASE, 1, key, owner).catch(() => undefined);
      // The member's queued count goes down once per message: when it ran, or on its last attempt.
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (pending && (succeeded || last)) await this.lanes.eval(GIVE_PENDING, 1, pending).catch(() => undefined);
    }
  }

}
