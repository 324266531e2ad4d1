import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomMsgId } from '../../src/emulator/callbacks.js';
import { startBot, type BotFixture } from '../support/bot.js';

// A seeded generator, so a failing input can be reproduced from the seed printed with it.
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

describe('callback endpoint fuzzing', () => {
  let f: BotFixture;
  before(async () => {
    // A dispatcher that answers nothing: the fuzz is about the endpoint, not WeCom's message/send.
    f = await startBot({ dispatch: async () => [] });
  });
  after(() => f.close());

  it('10,000 random and mutated requests get only 200/400/401/413, and the process stays up with a flat heap', async () => {
    const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
    const random = prng(SEED);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const int = (n: number) => Math.floor(random() * n);
    const c = f.emulator.callbacks;
    const validRequest = () => {
      const xml = `<xml><ToUserName><![CDATA[x]]></ToUserName><FromUserName><![CDATA[fuzz]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>${randomMsgId()}</MsgId></xml>`;
      const encrypted = c.crypto.encrypt(xml);
      const s = c.sign(encrypted, {});
      return { query: { msg_signature: s.signature, timestamp: s.timestamp, nonce: s.nonce }, body: c.envelope(encrypted) };
    };
    // Junk is sliced from one pool made once: building 70 KB strings a character at a time would be the test's cost.
    const pool = Array.from({ length: 200_000 }, () => String.fromCharCode(int(0xffff))).join('');
    const junk = (n: number) => {
      const start = int(pool.length - n);
      return pool.slice(start, start + n);
    };
    const mutateString = (s: string): string => {
      switch (int(7)) {
        case 0: return s.slice(0, int(s.length + 1));
        case 1: { const i = int(s.length); return s.slice(0, i) + junk(1 + int(8)) + s.slice(i); }
        case 2: { const i = int(s.length); return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 + int(255))) + s.slice(i + 1); }
        case 3: return s + s;
        case 4: return s.replace('<xml>', pick(['<!DOCTYPE x [<!ENTITY a "b">]><xml>', '<?xml version="1.0"?><xml>', '<XML>', '']));
        case 5: return s.replace(/<Encrypt>.*<\/Encrypt>/, pick(['<Encrypt></Encrypt>', '<Encrypt><![CDATA[]]></Encrypt>', `<Encrypt>${'A'.repeat(int(5000))}</Encrypt>`, '']));
        default: return junk(int(2000));
      }
    };
    const mutateQuery = (q: Record<string, string>): string => {
      const params = new URLSearchParams(q);
      switch (int(6)) {
        case 0: params.delete(pick(['msg_signature', 'timestamp', 'nonce'])); break;
        case 1: params.set(pick(['msg_signature', 'timestamp', 'nonce']), mutateString(params.get('nonce') ?? 'x')); break;
        case 2: params.append(pick(['msg_signature', 'timestamp', 'nonce']), 'second'); break;
        case 3: params.set('timestamp', pick(['-1', '1e9', 'NaN', '99999999999999999999', String(Math.floor(Date.now() / 1000) - 301)])); break;
        case 4: params.set('msg_signature', junk(int(100))); break;
        default: break;
      }
      return params.toString();
    };
    const request = (): { query: string; body: string | Uint8Array; method: string } => {
      const valid = validRequest();
      switch (int(7)) {
        case 0: return { query: new URLSearchParams(valid.query).toString(), body: valid.body, method: 'POST' }; // the control: valid
        case 1: return { query: new URLSearchParams(valid.query).toString(), body: mutateString(valid.body), method: 'POST' };
        case 2: return { query: mutateQuery(valid.query), body: valid.body, method: 'POST' };
        case 3: return { query: mutateQuery(valid.query), body: mutateString(valid.body), method: pick(['POST', 'GET']) };
        case 4: return { query: new URLSearchParams(valid.query).toString(), body: new Uint8Array(Array.from({ length: int(3000) }, () => int(256))), method: 'POST' };
        case 5: return { query: junk(int(200)), body: junk(int(3000)), method: 'POST' };
        default: return { query: new URLSearchParams(valid.query).toString(), body: `<xml><Encrypt>${'A'.repeat(65_536 + int(30_000))}</Encrypt></xml>`, method: 'POST' };
      }
    };

    const statuses = new Map<number, number>();
    let heapAfterWarmup = 0;
    const TOTAL = 10_000;
    let sent = 0;
    const worker = async () => {
      while (sent < TOTAL) {
        const n = sent++;
        const r = request();
        const res = await fetch(`${c.url}?${r.query}`, { method: r.method, ...(r.method === 'POST' ? { body: r.body } : {}) });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (n === 2000) heapAfterWarmup = heapMb();
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    const heapAtEnd = heapMb();

    // 431 is Node's own answer to a request line over its header limit (a long junk query), before the bot runs.
    const allowed = new Set([200, 400, 401, 413, 431]);
    const unexpected = [...statuses].filter(([status]) => !allowed.has(status));
    assert.deepEqual(unexpected, [], `seed ${SEED}: unexpected statuses ${JSON.stringify([...statuses])}`);
    assert.ok((statuses.get(200) ?? 0) > 1000, 'the valid controls went through');
    assert.ok((statuses.get(400) ?? 0) > 500 && (statuses.get(401) ?? 0) > 500 && (statuses.get(413) ?? 0) > 100, JSON.stringify([...statuses]));
    assert.equal((await fetch(`${f.url}/healthz`)).status, 200, 'the process is alive');
    // The dedupe store keeps one key per accepted message (about 2,000 here): a few MB at most, not a leak.
    assert.ok(heapAtEnd - heapAfterWarmup < 25, `heap grew ${(heapAtEnd - heapAfterWarmup).toFixed(1)} MB over 8,000 requests`);
  });
});
