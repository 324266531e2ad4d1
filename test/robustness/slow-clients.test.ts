import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { WeComEmulator } from '../../src/emulator/server.js';
import { sleep, waitForMessages } from '../support/bot.js';
import { emulatorEnv, startBotProcess, type BotProcess } from '../support/process.js';

const SLOW_SOCKETS = Number(process.env.SLOW_SOCKETS ?? 2000);

/** Slowloris against the real process: dripping requests are cut off, real callbacks are answered throughout. */
describe('slow clients', () => {
  let emulator: WeComEmulator;
  let bot: BotProcess;
  before(async () => {
    emulator = await WeComEmulator.start();
    bot = await startBotProcess({ ...emulatorEnv(emulator), HTTP_REQUEST_TIMEOUT_MS: '2000' });
    emulator.callbacks.url = `http://127.0.0.1:${bot.port}/wecom/callback`;
  });
  after(async () => {
    bot.child.kill('SIGTERM');
    await emulator.close();
  });

  it(`${SLOW_SOCKETS} sockets dripping a request header are closed by the server; callbacks meanwhile get their 200`, async () => {
    const sockets: Socket[] = [];
    let closed = 0;
    for (let i = 0; i < SLOW_SOCKETS; i++) {
      const socket = connect(bot.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => void closed++);
      socket.write(`POST /wecom/callback?msg_signature=x&timestamp=1&nonce=1 HTTP/1.1\r\nHost: bot\r\n`);
      sockets.push(socket);
    }
    // One header byte a second: a request that never completes, as a slowloris sends it.
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('X');
    }, 1000);
    try {
      await sleep(200);
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const { answers } = await emulator.callbacks.sendText(`real${i}`, '帮助');
        times.push(performance.now() - t0);
        assert.equal(answers[0]?.status, 200);
      }
      await waitForMessages(emulator, 'real19', 1);
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`callbacks during ${SLOW_SOCKETS} slow sockets: median ${sorted[10]!.toFixed(1)} ms, slowest ${sorted[19]!.toFixed(1)} ms`);
      // The request timeout (2 s here, 10 s by default) and the 1 s connection check.
      const deadline = Date.now() + 6000;
      while (closed < SLOW_SOCKETS && Date.now() < deadline) await sleep(100);
      assert.equal(closed, SLOW_SOCKETS, 'every dripping socket was closed by the server');
    } finally {
      clearInterval(drip);
      for (const s of sockets) s.destroy();
    }
  });
});
