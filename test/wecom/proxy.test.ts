import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { runChecks } from '../../src/doctor/checks.js';
import { WeComEmulator } from '../../src/emulator/server.js';
import { createLogger } from '../../src/log.js';
import { WeComApi } from '../../src/wecom/client.js';
import { WeComProxyError } from '../../src/wecom/errors.js';
import { problemZh } from '../../src/wecom/problems.js';
import { startBot, waitForMessages } from '../support/bot.js';
import { emulatorEnv, startBotProcess } from '../support/process.js';
import { startProxy, type TestProxy } from '../support/proxy.js';

/** A port nothing listens on: a dead proxy. */
async function deadPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every WeCom call through the company's egress proxy, as a deployment behind 企业可信IP needs. */
describe('behind a proxy', () => {
  let emulator: WeComEmulator;
  let proxy: TestProxy;
  before(async () => {
    emulator = await WeComEmulator.start();
    proxy = await startProxy();
  });
  after(async () => {
    await proxy.close();
    await emulator.close();
  });

  it('WECOM_PROXY_URL: every call of a create-and-reply round trip goes through the proxy', async () => {
    const f = await startBot({ emulator, tweak: (c) => void (c.proxyUrl = proxy.url) });
    emulator.callbacks.url = `${f.url}/wecom/callback`;
    try {
      proxy.seen.length = 0;
      const calls = emulator.calls.length;
      await emulator.callbacks.sendText('zhangsan', '创建直播 走代理 明天15:00');
      const [card] = await waitForMessages(emulator, 'zhangsan', 1);
      assert.equal(card?.card?.main_title.title, '走代理');
      const atWeCom = emulator.calls.slice(calls).map((c) => c.path);
      const throughProxy = proxy.seen.map((s) => s.replace(/^GET |^POST /, '').replace(/^http:\/\/[^/]+\/cgi-bin\//, ''));
      for (const path of ['gettoken', 'living/create', 'user/get', 'message/send']) assert.ok(atWeCom.includes(path), `${path} was called`);
      assert.deepEqual([...throughProxy].sort(), [...atWeCom].sort(), 'each call WeCom saw came through the proxy');
    } finally {
      await f.close();
    }
  });

  it('HTTP_PROXY is honoured, and NO_PROXY keeps a host out of it (a real process, its own environment)', async () => {
    for (const [env, expectProxied] of [
      [{ HTTP_PROXY: proxy.url }, true],
      [{ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, false],
    ] as const) {
      const bot = await startBotProcess({ ...emulatorEnv(emulator), ...env });
      emulator.callbacks.url = `http://127.0.0.1:${bot.port}/wecom/callback`;
      try {
        proxy.seen.length = 0;
        const user = `env${expectProxied ? 'proxied' : 'direct'}`;
        await emulator.callbacks.sendText(user, '帮助');
        await waitForMessages(emulator, user, 1);
        assert.equal(proxy.seen.some((s) => s.includes('/cgi-bin/message/send')), expectProxied, JSON.stringify({ env, seen: proxy.seen }));
      } finally {
        bot.child.kill('SIGTERM');
      }
    }
  });

  it('a dead proxy is named: in the log, /healthz, 测试连接 and doctor; the callback is still acknowledged', async () => {
    const port = await deadPort();
    const dead = `http://127.0.0.1:${port}`;
    const f = await startBot({ emulator, tweak: (c) => void (c.proxyUrl = dead), env: { WECOM_ADMIN_USERIDS: 'admin' } });
    emulator.callbacks.url = `${f.url}/wecom/callback`;
    try {
      const { answers } = await emulator.callbacks.sendText('admin', '测试连接');
      assert.equal(answers[0]?.status, 200, 'acknowledged: WeCom does not redeliver');
      const deadline = Date.now() + 5000;
      while (!f.logs.some((l) => l.includes('"msg":"WeCom call failed"')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(f.logs.some((l) => l.includes(`proxy 127.0.0.1:${port} unreachable`)), 'the log names the proxy');
      const health = (await (await fetch(`${f.url}/healthz`)).json()) as { status: string; problems: string[] };
      assert.equal(health.status, 'degraded');
      assert.match(health.problems.join(), new RegExp(`proxy 127\\.0\\.0\\.1:${port} unreachable`));

      const api = new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, proxyUrl: dead, retry: { maxRetries: 0 }, logger: createLogger('silent') });
      const check = await api.checkConnection();
      assert.ok(!check.ok && check.error instanceof WeComProxyError);
      assert.match(problemZh(check.error), new RegExp(`^代理 127\\.0\\.0\\.1:${port} 无法连接`));

      const config = loadConfig({ ...emulatorEnv(emulator), WECOM_PROXY_URL: dead });
      const checks = await runChecks(config, undefined);
      assert.match(checks.find((c) => c.name === 'proxy')?.detail ?? '', new RegExp(`^代理 127\\.0\\.0\\.1:${port} 无法连接`));
      assert.match(checks.find((c) => c.name === 'gettoken')?.detail ?? '', /proxy 127\.0\.0\.1:\d+ unreachable/);
    } finally {
      await f.close();
    }
  });

  it('a proxy with a password: the calls go through, and the password is never in a log line, an error or /metrics', async () => {
    const guarded = await startProxy('bot:pr0xy-s3cret');
    const f = await startBot({ emulator, tweak: (c) => void (c.proxyUrl = guarded.url) });
    emulator.callbacks.url = `${f.url}/wecom/callback`;
    try {
      await emulator.callbacks.sendText('lisi', '帮助');
      await waitForMessages(emulator, 'lisi', 1);
      assert.ok(guarded.seen.some((s) => s.includes('message/send')));
      const wrong = new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, proxyUrl: guarded.url.replace('pr0xy-s3cret', 'wr0ng-s3cret'), retry: { maxRetries: 0 }, logger: createLogger('silent') });
      const refused = await wrong.checkConnection();
      assert.ok(!refused.ok && refused.error instanceof WeComProxyError, 'a refused proxy (407) is a proxy error');
      assert.match(refused.error.message, /proxy 127\.0\.0\.1:\d+ refused: 407/);
      const everything = [f.logs.join('\n'), await (await fetch(`${f.url}/metrics`)).text(), JSON.stringify(refused.error), refused.error.message, String(refused.error.stack)].join('\n');
      for (const secret of ['pr0xy-s3cret', 'wr0ng-s3cret']) assert.ok(!everything.includes(secret), `${secret} leaked`);
    } finally {
      await f.close();
      await guarded.close();
    }
  });

  it('a proxy that accepts but never answers CONNECT: the call still ends at its timeout', async () => {
    const sockets: import('node:net').Socket[] = [];
    const stalling = createServer((socket) => void sockets.push(socket)).listen(0, '127.0.0.1');
    await new Promise((resolve) => stalling.once('listening', resolve));
    const { port } = stalling.address() as { port: number };
    try {
      const api = new WeComApi('ww1', 'secret', { baseURL: 'https://qyapi.weixin.qq.com', proxyUrl: `http://127.0.0.1:${port}`, timeoutMs: 500, retry: { maxRetries: 0 }, logger: createLogger('silent') });
      // Without the abort signal this call never ends (the test runner's timeout would fail it).
      const check = await api.checkConnection();
      assert.ok(!check.ok, 'failed');
      assert.equal(check.error.name, 'WeComTimeoutError', 'ended by the attempt’s timeout');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  it('60020: /healthz is degraded naming the address to trust, and ok again after a call succeeds', async () => {
    const f = await startBot({ emulator });
    emulator.callbacks.url = `${f.url}/wecom/callback`;
    try {
      emulator.faults.failNext('message/send', 60020, 1, 'not allow to access from your ip, hint: [1795]xx, from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020');
      await emulator.callbacks.sendText('wangwu', '帮助');
      const deadline = Date.now() + 5000;
      const health = async () => (await (await fetch(`${f.url}/healthz`)).json()) as { status: string; problems?: string[] };
      while ((await health()).status === 'ok' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual((await health()).problems, ["wecom: 60020: WeCom refuses calls from 203.0.113.7: add 203.0.113.7 to the app's 企业可信IP"]);
      await emulator.callbacks.sendText('wangwu', '帮助');
      await waitForMessages(emulator, 'wangwu', 1);
      assert.equal((await health()).status, 'ok');
    } finally {
      await f.close();
    }
  });
});
