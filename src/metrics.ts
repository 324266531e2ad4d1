/** Prometheus metrics of the bot (prom-client), on a registry of its own so tests can run several bots. */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CallEvent } from './wecom/options.js';

export class BotMetrics {
  readonly registry = new Registry();
  readonly callbacks = new Counter({
    name: 'wecom_bot_callbacks_total',
    help: 'Callbacks received, by channel (app, aibot) and outcome (ok, duplicate, busy, or the refusal reason)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly repliesUnsent = new Counter({
    name: 'wecom_bot_replies_unsent_total',
    help: 'Replies that could not be sent to WeCom after the client retried what was safe to retry',
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'wecom_bot_queue_depth',
    help: 'Commands acknowledged and not yet finished',
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'wecom_bot_command_duration_seconds',
    help: 'Time from acknowledging a message to having handed its replies to the outbox',
    labelNames: ['kind'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly commandTimers = new Map<string, Histogram.Internal<'kind'>>();

  /** Counts a channel's callbacks by outcome, keeping each labelled child: it runs on every callback. */
  countCallbacks(channel: 'app' | 'aibot'): (outcome: string) => void {
    const children = new Map<string, Counter.Internal>();
    return (outcome) => {
      let child = children.get(outcome);
      if (!child) children.set(outcome, (child = this.callbacks.labels(channel, outcome)));
      child.inc();
    };
  }

  /** Starts timing a command of `kind` (message kinds are few: the children are kept); call the result when done. */
  timeCommand(kind: string): () => void {
    let child = this.commandTimers.get(kind);
    if (!child) this.commandTimers.set(kind, (child = this.commandSeconds.labels(kind)));
    const end = child.startTimer();
    return () => void end();
  }

  readonly apiCalls = new Counter({
    name: 'wecom_api_calls_total',
    help: 'WeCom API calls by endpoint and errcode (0 = success, http = transport failure)',
    labelNames: ['endpoint', 'errcode'] as const,
    registers: [this.registry],
  });
  readonly apiSeconds = new Histogram({
    name: 'wecom_api_call_duration_seconds',
    help: 'WeCom API call latency including retries, by endpoint',
    labelNames: ['endpoint'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly tokenFetches = new Counter({
    name: 'wecom_token_fetches_total',
    help: 'gettoken calls (each new access_token, plus failed attempts)',
    registers: [this.registry],
  });

  /** Set in scale-out mode: whether Redis answers right now. */
  redisProbe: (() => boolean) | undefined;

  constructor() {
    const probe = () => this.redisProbe;
    // 1 while Redis answers, 0 while the bot runs on its in-process fallbacks; no value without REDIS_URL.
    new Gauge({
      name: 'wecom_bot_redis_up',
      help: 'Whether the shared Redis is reachable (scale-out mode only)',
      registers: [this.registry],
      collect() {
        const isUp = probe();
        if (isUp) this.set(isUp() ? 1 : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Feeds WeComApi's onCall hook. */
  readonly onApiCall = (event: CallEvent): void => {
    this.apiCalls.inc({ endpoint: event.endpoint, errcode: String(event.errcode) });
    this.apiSeconds.observe({ endpoint: event.endpoint }, event.ms / 1000);
    if (event.endpoint === 'gettoken') this.tokenFetches.inc();
  };
}
