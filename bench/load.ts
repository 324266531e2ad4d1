/**
 * What the endpoint benchmarks share: a server script started pinned to core 0 (the load generator runs on core 1),
 * and autocannon POSTing a pool of pre-sealed requests (each distinct, so de-duplication never makes a run a no-op).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** One sealed request: the signed path with its query, and the body. */
export interface Sealed {
  path: string;
  body: string;
}

export interface Row {
  server: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Starts `script` on core 0 with `env`; resolves once it logs its port. */
export async function startServer(script: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_PROFILE=1 writes a V8 CPU profile of each server to bench/profiles/ (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : [];
  const args = ['-c', '0', process.execPath, ...profile, '--import', 'tsx', script];
  // stdout (the bot's JSON log lines) goes to /dev/null: written for real, read by nobody on the load core.
  const child = spawn('taskset', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) {
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve({ child, port: Number(m[1]) });
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited ${code} before listening`)));
  });
}

let next = 0;
/** 50 connections POSTing `pool` round-robin for SECONDS (or `options`). */
export function load(port: number, pool: Sealed[], options: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 50,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const item = pool[next++ % pool.length]!;
          return { ...req, path: item.path, body: item.body };
        },
      },
    ],
    ...options,
  });
}

/** A fresh server, a 2 s warm-up, then the measured run. */
export async function measure(name: string, script: string, env: NodeJS.ProcessEnv, pool: Sealed[], options: Partial<autocannon.Options> = {}): Promise<Row> {
  const { child, port } = await startServer(script, env);
  if (process.env.BENCH_DEBUG) console.error(`${name}: listening on ${port}`);
  try {
    await load(port, pool, { duration: 2 });
    const r = await load(port, pool, options);
    return { server: name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** The median of each figure over rounds (non-2xx and errors summed). */
export function medians(runs: Record<string, Row[]>): Row[] {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.values(runs).map((r) => ({
    server: r[0]!.server,
    rps: Math.round(med(r.map((x) => x.rps))),
    p50: med(r.map((x) => x.p50)),
    p99: med(r.map((x) => x.p99)),
    non2xx: r.reduce((n, x) => n + x.non2xx, 0),
    errors: r.reduce((n, x) => n + x.errors, 0),
  }));
}

export interface SteadyRow {
  server: string;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

/**
 * An open-loop load at a steady `rate` (req/s) for SECONDS: request i is due at start + i/rate whatever the
 * answers do, and its latency runs from when it was due (so a stall counts for every request it delays, once
 * each). autocannon's `overallRate` is not this: each connection sends its second's quota back to back at the
 * tick, and its coordinated-omission correction assumes a 1 ms interval (ceil(1/rate) with rate in req/s), so one
 * slow answer of X ms adds X synthetic samples.
 */
export async function steady(port: number, pool: Sealed[], rate: number, seconds = SECONDS): Promise<Omit<SteadyRow, 'server'>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const finish = () => {
      if (++done === total) resolve();
    };
    const send = (i: number) => {
      const due = start + i * interval;
      const item = pool[next++ % pool.length]!;
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: item.path, agent, headers: { 'content-length': Buffer.byteLength(item.body) } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode! < 200 || res.statusCode! > 299) non2xx++;
          latencies.push(performance.now() - due);
          finish();
        });
      });
      req.on('error', () => {
        errors++;
        finish();
      });
      req.end(item.body);
    };
    let sent = 0;
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => +latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  return { rate, p50: at(0.5), p99: at(0.99), max: +latencies.at(-1)!.toFixed(1), non2xx, errors };
}

/** A fresh server, a 2 s warm-up at the same rate, then the measured steady run. */
export async function measureSteady(name: string, script: string, env: NodeJS.ProcessEnv, pool: Sealed[], rate: number): Promise<SteadyRow> {
  const { child, port } = await startServer(script, env);
  try {
    await steady(port, pool, rate, 2);
    return { server: name, ...(await steady(port, pool, rate)) };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
