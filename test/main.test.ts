import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { WeComEmulator } from '../src/emulator/server.js';
import { assertNoSecrets, waitForMessages } from './support/bot.js';
import { emulatorEnv, listening, startBotProcess } from './support/process.js';

describe('process entry (npm start)', () => {
  it('stops with a clear message when WeCom settings are missing or invalid', async () => {
    const run = async (env: Record<string, string>) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', ...env } });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const [code] = await once(child, 'exit');
      return { code, err };
    };
    const partial = await run({ WECOM_CORP_ID: 'ww1' });
    assert.equal(partial.code, 1);
    assert.match(partial.err, /WECOM_CORP_SECRET: missing/);
    const badKey = await run({ WECOM_CORP_ID: 'ww1', WECOM_CORP_SECRET: 's', WECOM_AGENT_ID: '1', WECOM_TOKEN: 't', WECOM_ENCODING_AES_KEY: 'short' });
    assert.equal(badKey.code, 1);
    assert.match(badKey.err, /WECOM_ENCODING_AES_KEY: must be exactly 43 letters or digits/);
  });

  it('on SIGTERM stops accepting, finishes the acknowledged command, then exits 0', async () => {
    const emulator = await WeComEmulator.start();
    const { child, port, output } = await startBotProcess(emulatorEnv(emulator));
    try {
      emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;
      emulator.faults.delay('message/send', 1500, 1);
      const { answers } = await emulator.callbacks.sendText('zhangsan', '帮助');
      assert.equal(answers[0]?.status, 200);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0, output());
      assert.equal((await waitForMessages(emulator, 'zhangsan', 1, 100)).length, 1, 'the acknowledged reply was sent');
      assert.match(output(), /stopped cleanly/);
      await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'no longer accepting');
      assertNoSecrets(emulator, output());
    } finally {
      child.kill('SIGKILL');
      await emulator.close();
    }
  });
});

describe('process entry: the ways it is started and stopped', () => {
  /** Starts `npm <args>` (npm, not node: how people and compose files start it) with `env`; resolves on its port. */
  const startNpm = async (args: string[], env: Record<string, string>) => {
    const child = spawn('npm', args, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return listening(child, `npm ${args.join(' ')}`);
  };

  it('SIGTERM to the npm process `npm start` started drains the bot and stops it listening', async () => {
    const emulator = await WeComEmulator.start();
    const { child, port, output } = await startNpm(['start'], emulatorEnv(emulator));
    try {
      emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;
      emulator.faults.delay('message/send', 1000, 1);
      await emulator.callbacks.sendText('zhangsan', '帮助');
      child.kill('SIGTERM'); // the npm process only, as docker stop and systemd do
      await once(child, 'exit');
      await waitForMessages(emulator, 'zhangsan', 1, 5000);
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && !/stopped cleanly/.test(output())) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.match(output(), /stopped cleanly/, 'the bot itself drained');
      await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'nothing listens any more');
    } finally {
      await emulator.close();
    }
  });

  it('the production way: `npm run build`, then `npm run start:prod` runs the compiled bot, and SIGTERM drains it', async () => {
    const build = spawn('npm', ['run', 'build'], { stdio: 'ignore' });
    assert.equal((await once(build, 'exit'))[0], 0, 'npm run build');
    const emulator = await WeComEmulator.start();
    const { child, port, output } = await startNpm(['run', 'start:prod'], emulatorEnv(emulator));
    try {
      assert.match(output(), /exec node dist\/main\.js/, 'the compiled code, no TypeScript at run time');
      emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;
      await emulator.callbacks.sendText('zhangsan', '帮助');
      await waitForMessages(emulator, 'zhangsan', 1, 5000);
      child.kill('SIGTERM');
      await once(child, 'exit');
      await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'stopped');
    } finally {
      await emulator.close();
    }
  });

  it('the sandbox refuses a non-loopback HOST unless allowed, and then asks for its token', async () => {
    const run = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', HOST: '0.0.0.0', PORT: '0' } });
    let err = '';
    run.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = await once(run, 'exit');
    assert.equal(code, 1);
    assert.match(err, /will not listen on HOST=0\.0\.0\.0 unless SANDBOX_ALLOW_REMOTE=1 and a SANDBOX_TOKEN/);

    const token = 'a-long-enough-sandbox-token';
    const { child, port, output } = await startNpm(['start'], { HOST: '0.0.0.0', SANDBOX_ALLOW_REMOTE: '1', SANDBOX_TOKEN: token });
    try {
      const url = `http://127.0.0.1:${port}/sandbox/api/state`;
      // The start line prints the link the README promises, with the token after # (never sent to the server).
      const deadline = Date.now() + 5000;
      while (!output().includes('Sandbox ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.match(output(), new RegExp(`Sandbox ready: open http://localhost:${port}/#token=${token}`));
      assert.equal((await fetch(url)).status, 401, 'no token');
      assert.equal((await fetch(`${url}?token=${token}`)).status, 401, 'never in the query string (logs and Referer keep it)');
      // EventSource and file links cannot send a header: the page trades the token for a session cookie.
      const session = await fetch(`http://127.0.0.1:${port}/sandbox/api/session`, { method: 'POST', headers: { 'x-sandbox-token': token } });
      assert.equal(session.status, 204);
      const cookie = session.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^sandbox_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/sandbox$/);
      assert.ok(!cookie.includes(token), 'the cookie is no copy of the token');
      assert.equal((await fetch(url, { headers: { cookie: cookie.split(';')[0]! } })).status, 200, 'the session cookie opens the API');
      assert.equal((await fetch(url, { headers: { cookie: `sandbox_session=${'0'.repeat(64)}` } })).status, 401, 'a made-up session does not');
      assert.equal((await fetch(url, { headers: { 'x-sandbox-token': 'wrong-token-of-some-length' } })).status, 401);
      assert.equal((await fetch(url, { headers: { 'x-sandbox-token': token } })).status, 200);
      // Express routes paths case-insensitively: so does the token check.
      assert.equal((await fetch(`http://127.0.0.1:${port}/SANDBOX/api/state`)).status, 401, 'another case of the path');
      assert.equal((await fetch(url, { headers: { 'x-sandbox-token': 'é'.repeat(20) } })).status, 401, 'a token of another byte length');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('the local sandbox answers only requests addressed to this machine (no DNS rebinding)', async () => {
    const { child, port } = await startNpm(['start'], {});
    try {
      const get = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: '/sandbox/api/state', headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      assert.equal(await get(`localhost:${port}`), 200);
      assert.equal(await get(`127.0.0.1:${port}`), 200);
      assert.equal(await get('evil.example:80'), 403);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
