/** The one place that builds the bot's real dependencies and wires them: callback → queue → dispatcher → outbox. */
import { randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import express from 'express';
import { createAibotHandler, STREAM_WINDOW_MS, type AibotTiming } from './aibot/router.js';
import { createCallbackHandler } from './callback/router.js';
import type { DedupeStore } from './callback/dedupe.js';
import type { CallbackMessage } from './callback/message.js';
import { CommandQueue } from './callback/queue.js';
import { systemClock, type Clock } from './clock.js';
import { wecomDay } from './zone.js';
import { createDispatcher, type Dispatcher, type Outgoing } from './commands/dispatch.js';
import { NO_JOURNAL, type Journal } from './commands/journal.js';
import { BUSY_TEXT, FAILED_TEXT, SLOW_DOWN_TEXT } from './commands/help.js';
import { RefusalNotices } from './callback/refusals.js';
import type { Config, WeComSettings } from './config.js';
import type { Logger } from './log.js';
import { WeComHealth } from './health.js';
import { LogDigest } from './log-digest.js';
import { Readiness } from './readiness.js';
import { createStores } from './stores.js';
import { Audiences } from './audience/audiences.js';
import { DirectoryNames } from './audience/directory-names.js';
import { LiveCalendar } from './calendar/live-calendar.js';
import { BotMetrics } from './metrics.js';
import type { RedisConnection } from './redis/connection.js';
import { ClusterStats } from './redis/cluster-stats.js';
import { DurableQueue } from './redis/durable-queue.js';
import { Outbox } from './replies/outbox.js';
import { text } from './replies/reply.js';
import { WeComApi } from './wecom/client.js';
import { WeComCrypto } from './wecom/crypto.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface BotOptions {
  config: Config;
  wecom: WeComSettings;
  logger: Logger;
  mode?: 'production' | 'sandbox';
  clock?: Clock;
  dedupe?: DedupeStore;
  dispatch?: Dispatcher;
  /** Per-member reply window, ms (WeCom: 60,000); shorter in tests. */
  replyWindowMs?: number;
  /** Members whose commands run at once. */
  concurrency?: number;
  /** Scale-out: token, dedupe, limits, stats and a durable command queue live in this Redis. */
  redis?: RedisConnection;
  /** This instance's name in the deployment's stats; default host-pid-random. */
  instanceId?: string;
  /** How often this instance publishes its API figures for the deployment's 统计 (ms, default 5,000). */
  statsIntervalMs?: number;
  /** The 智能机器人's deadlines and stream window (WeCom's by default); shorter in tests. */
  aibotTiming?: AibotTiming;
}

export interface Bot {
  /** The bot's routes (health, metrics, the sandbox's, and the callback too). */
  app: express.Express;
  /** What the HTTP server should serve: the callback path directly, everything else through `app`. */
  listener: RequestListener;
  api: WeComApi;
  metrics: BotMetrics;
  queue: CommandQueue<CallbackMessage>;
  outbox: Outbox;
  /** Stops taking messages and waits for the acknowledged ones to finish; false if `timeoutMs` ran out. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Builds the bot's Express app and everything behind it. */
export function createBot(options: BotOptions): Bot {
  const { config, wecom, logger } = options;
  const clock = options.clock ?? systemClock;
  const metrics = new BotMetrics();
  const stores = createStores(options.redis, {
    clock,
    sendLimit: config.limits.memberMessagesPerMinute,
    sendWindowMs: options.replyWindowMs ?? 60_000,
    inProgressExpiryMs: (options.aibotTiming?.streamWindowMs ?? STREAM_WINDOW_MS) + 60_000,
    dailySendQuota: config.dailySendQuota,
  });
  const wecomHealth = new WeComHealth();
  const api = new WeComApi(wecom.corpId, wecom.corpSecret, {
    baseURL: config.apiBaseURL,
    agentid: wecom.agentId,
    timeoutMs: config.httpTimeoutMs,
    retry: config.retry,
    refreshAheadMs: config.token.refreshAheadSeconds * 1000,
    failureCooldownMs: config.token.failureCooldownSeconds * 1000,
    logger,
    clock,
    onCall: (event) => {
      metrics.onApiCall(event);
      wecomHealth.observe(event);
    },
    ...(config.proxyUrl ? { proxyUrl: config.proxyUrl } : {}),
    ...(stores.tokens ? { tokenStore: stores.tokens } : {}),
  });
  if (options.redis) metrics.redisProbe = options.redis.isUp;
  const outbox = new Outbox({
    api,
    logger,
    limiter: stores.limiter,
    waitingPerMember: config.replies.waitingPerMember,
    waitingTotal: config.replies.waitingTotal,
    holdMs: config.token.failureCooldownSeconds * 1000,
    unsent: new LogDigest(logger, 'warn', 'reply could not be sent', config.replies.unsentLogIntervalMs),
    onUnsent: () => metrics.repliesUnsent.inc(),
  });
  const readiness = new Readiness(api, options.redis, { cacheMs: config.health.readyCacheMs, timeoutMs: config.health.readyTimeoutMs });
  const { pendingReplies } = stores;
  let adopting: NodeJS.Timeout | undefined;
  if (pendingReplies) {
    // Replies an instance that stopped could not send: any running instance sends them (each is taken by one
    // instance only), so a rolling deploy or a scale-down loses none.
    adopting = setInterval(async () => {
      if (!options.redis?.isUp()) return;
      const replies = await pendingReplies.take();
      if (replies.length > 0) logger.info({ replies: replies.length }, 'sending replies a stopped instance handed over');
      for (const { to, reply } of replies) void outbox.deliver(to, reply);
    }, 5000);
    adopting.unref();
  }
  const instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(2).toString('hex')}`;
  const cluster = options.redis ? new ClusterStats(options.redis, instanceId, () => api.getApiStats(), options.statsIntervalMs) : undefined;
  const dispatch =
    options.dispatch ??
    createDispatcher({
      api,
      ...(cluster ? { deploymentStats: () => cluster.collect() } : {}),
      now: () => clock.now(),
      log: logger,
      conversations: stores.conversations,
      settings: {
        timezone: config.timezone,
        adminUserids: config.adminUserids,
        defaultDurationSeconds: config.defaultLiveDurationSeconds,
        defaultLiveType: config.defaultLiveType,
        defaultRemindSeconds: config.defaultRemindMinutes * 60,
      },
      sendNow: (to, reply) => outbox.deliver(to, reply),
      series: stores.series,
      calendar: new LiveCalendar(api, stores.schedules, config.calendarId ? { calendarId: config.calendarId } : {}, logger, {
        quota: stores.scheduleQuota,
        day: () => wecomDay(clock.now()),
      }),
      audiences: new Audiences({
        api,
        store: stores.audiences,
        directory: new DirectoryNames(api, clock),
        quota: stores.sendQuota,
        clock,
        settings: { timezone: config.timezone, completionPercent: config.completionPercent },
        log: logger,
      }),
    });
  /** Runs one message: the dispatcher, then each reply once (the journal skips those an earlier run sent). */
  const handle = async (message: CallbackMessage, journal: Journal): Promise<void> => {
    const stop = metrics.timeCommand(message.kind);
    let outgoing: Outgoing[];
    try {
      outgoing = await dispatch(message, journal);
    } catch (error) {
      logger.error({ err: error, kind: message.kind, from: message.from }, 'dispatcher failed');
      outgoing = message.kind === 'text' || message.kind === 'card-click' ? [{ to: message.from, reply: text(FAILED_TEXT) }] : [];
    }
    for (const [i, { to, reply }] of outgoing.entries()) {
      if ((await journal.begin(`reply:${i}`)).state === 'done') continue;
      await outbox.deliver(to, reply);
      await journal.finish(`reply:${i}`, 'sent');
    }
    stop();
  };
  const concurrency = options.concurrency ?? 16;
  const queue = new CommandQueue<CallbackMessage>({
    capacity: config.queue.capacity,
    perLane: config.queue.perMember,
    concurrency,
    laneOf: (m) => m.from,
    logger,
    onDepthChange: (depth) => metrics.queueDepth.set(depth),
    handle: (message) => handle(message, NO_JOURNAL),
  });
  const redis = options.redis;
  const durable = redis
    ? new DurableQueue({
        url: redis.url,
        isUp: redis.isUp,
        commandTimeoutMs: redis.commandTimeoutMs,
        concurrency,
        lockMs: config.queue.lockMs,
        stalledIntervalMs: config.queue.stalledIntervalMs,
        perMember: config.queue.perMember,
        logger,
        handle: (message) => handle(message, stores.journalOf(message)),
      })
    : undefined;

  /** Members told to slow down, and when: told once every 10 s at most, however many messages they send. */
  const slowDown = new RefusalNotices(clock, config.callback.slowDownNoticeMs);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.get('/healthz', (_req, res) => {
    // Degraded, not down: the bot still answers WeCom (in-process fallbacks), but something needs an admin.
    const problems: string[] = [];
    if (options.redis && !options.redis.isUp()) problems.push('redis: not answering (in-process fallbacks in use)');
    problems.push(...wecomHealth.problems());
    res.json({
      status: problems.length > 0 ? 'degraded' : 'ok',
      ...(problems.length > 0 ? { problems } : {}),
      version: VERSION,
      mode: options.mode ?? 'production',
      queueDepth: queue.depth,
      ...(options.redis ? { redis: options.redis.isUp() ? 'up' : 'down' } : {}),
    });
  });
  // Ready: WeCom answers through the configured path, and Redis when configured; 503 with the reasons when not.
  app.get('/readyz', async (_req, res) => {
    const report = await readiness.report();
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'not ready', ...report.checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // What both channels check with: one de-duplication store (the AI bot's keys are prefixed), the same limits.
  const guards = {
    clock,
    dedupe: options.dedupe ?? stores.dedupe,
    dedupeTtlSeconds: config.callback.dedupeTtlSeconds,
    refusals: new LogDigest(logger, 'info', 'callback refused', config.callback.refusalLogIntervalMs),
    acceptedSummaryIntervalMs: config.callback.acceptedSummaryIntervalMs,
    replayWindowSeconds: config.callback.replayWindowSeconds,
    bodyLimitBytes: config.callback.bodyLimitBytes,
    logger,
  };
  const callback = createCallbackHandler({
    ...guards,
    path: config.callbackPath,
    crypto: new WeComCrypto(wecom.token, wecom.encodingAESKey, wecom.corpId),
    onOutcome: metrics.countCallbacks('app'),
    accept: async (message) => {
      // Scale-out: on Redis before the 200; while Redis is down, in this process (acknowledged work is never dropped).
      const durably = durable ? await durable.add(message) : 'unavailable';
      const outcome = durably === 'unavailable' ? queue.push(message) : durably;
      if (outcome === 'queued') return 'queued';
      // Refused: the member hears it (once per burst), nothing is dropped silently, and only this member is slowed.
      const fromMember = message.kind === 'text' || message.kind === 'card-click';
      if (fromMember && slowDown.tell(message.from)) void outbox.deliver(message.from, text(outcome === 'member-full' ? SLOW_DOWN_TEXT : BUSY_TEXT));
      logger.warn({ from: message.from, kind: message.kind, depth: queue.depth, why: outcome }, 'message refused');
      return 'busy';
    },
  });
  app.all(config.callbackPath, (req, res) => void callback(req, res));
  // The 智能机器人 beside the app: the same commands, its own URL, Token and key (ReceiveId "").
  const aibot = config.aibot
    ? createAibotHandler({
        ...guards,
        crypto: new WeComCrypto(config.aibot.token, config.aibot.encodingAESKey, ''),
        name: config.aibot.name,
        dispatch,
        sendViaApp: (to, reply) => outbox.deliver(to, reply),
        respond: (url, body) => api.respondToAibot(url, body),
        // Where the rest of the state lives: a refresh or a click may reach another instance.
        streams: stores.streams,
        inProgress: stores.inProgress,
        sharedState: Boolean(options.redis),
        cards: stores.cards,
        ...options.aibotTiming,
        onOutcome: metrics.countCallbacks('aibot'),
      })
    : undefined;
  const aibotPath = config.aibot?.path;
  // The callback paths skip Express entirely: they are the hot path (bench/callback.ts), everything else is routed.
  const listener: RequestListener = (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (path === config.callbackPath) void callback(req, res);
    else if (aibot && path === aibotPath) void aibot(req, res);
    else app(req, res);
  };

  return {
    app,
    listener,
    api,
    metrics,
    queue,
    outbox,
    async drain(timeoutMs) {
      cluster?.stop();
      clearInterval(adopting);
      const deadline = Date.now() + timeoutMs;
      const durableDone = durable ? await durable.close(timeoutMs) : true;
      const commands = (await queue.drain(Math.max(0, deadline - Date.now()))) && durableDone && (aibot ? await aibot.drain(Math.max(0, deadline - Date.now())) : true);
      const replies = await outbox.drain(Math.max(0, deadline - Date.now()), options.redis?.isUp() ? pendingReplies : undefined);
      return commands && replies;
    },
  };
}
