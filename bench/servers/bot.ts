/**
 * The bot's real callback endpoint (createBot, production settings, info-level JSON logs to stdout) with a
 * dispatcher that replies nothing, so the benchmark measures the endpoint and not WeCom's message/send.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

const config = loadConfig();
const bot = createBot({ config, wecom: config.wecom!, logger: createLogger(config.logLevel), dispatch: async () => [] });
const server = createServer(bot.listener).listen(0, '127.0.0.1', () => console.error(`listening on port ${(server.address() as AddressInfo).port}`));
// BENCH_GC=1: report garbage-collection pauses (what makes the p99 tail) on exit.
if (process.env.BENCH_GC) {
  const { PerformanceObserver, monitorEventLoopDelay } = await import('node:perf_hooks');
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const pauses: number[] = [];
  new PerformanceObserver((list) => void pauses.push(...list.getEntries().map((e) => e.duration))).observe({ entryTypes: ['gc'] });
  process.on('SIGTERM', () => {
    const sorted = [...pauses].sort((a, b) => b - a);
    console.error(`gc: event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms; ${pauses.length} pauses, total ${pauses.reduce((a, b) => a + b, 0).toFixed(0)} ms, longest ${sorted.slice(0, 5).map((p) => p.toFixed(1)).join(', ')} ms`);
  });
}
// Exit cleanly on SIGTERM so a --cpu-prof run writes its profile.
process.on('SIGTERM', () => process.exit(0));
