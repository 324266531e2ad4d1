/** A real redis-server on a free port, in a temporary directory, for tests (never a mock). */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createLogger } from '../../src/log.js';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits for it. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop()). */
  start(): Promise<void>;
  /** SIGSTOP: the server keeps its sockets open and answers nothing (a hung Redis). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wecom-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    // Append-only, as a Redis carrying a durable queue must be: a restart keeps what was acknowledged.
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      child!.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)));
    });
    child.stdout!.resume();
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For the enclosing describe: a redis-server and `n` connections to it (`n` instances of the bot sharing it). */
export function useSharedRedis(n = 2): RedisConnection[] {
  const connections: RedisConnection[] = [];
  let shared: Awaited<ReturnType<typeof sharedRedis>> | undefined;
  before(async () => {
    shared = await sharedRedis(n);
    connections.push(...shared.connections);
  });
  after(() => shared?.close());
  return connections;
}

/** A redis-server and `n` connections to it that are up: `n` instances of the bot sharing it. */
export async function sharedRedis(n = 2): Promise<{ server: RedisServer; connections: RedisConnection[]; close(): Promise<void> }> {
  const server = await startRedis();
  const connections = Array.from({ length: n }, () => connectRedis(server.url, createLogger('silent')));
  while (!connections.every((c) => c.isUp())) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    server,
    connections,
    async close() {
      for (const c of connections) await c.close();
      await server.close();
    },
  };
}
