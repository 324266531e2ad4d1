/**
 * WeComApi overhead per call against the emulator, next to a bare keep-alive axios call of the same endpoint
 * (the floor) measured in the same run; the same client through a forward proxy (WECOM_PROXY_URL) against the
 * direct path; and gettoken count for 1,000 concurrent cold calls.
 * Run: npm run bench:client
 */
import { saveResults } from './results.js';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import { WeComEmulator } from '../src/emulator/server.js';
import { createLogger } from '../src/log.js';
import { WeComApi } from '../src/wecom/client.js';
import { startProxy } from '../test/support/proxy.js';

const N = Number(process.env.BENCH_CALLS ?? 2000);
const emulator = await WeComEmulator.start();
const logger = createLogger('silent');
const start = Math.floor(Date.now() / 1000) + 3600;
const { livingid } = emulator.lives.create({ anchor_userid: 'bench', theme: '基准', living_start: start, living_duration: 60 });
const token = emulator.tokens.get(emulator.corpid, emulator.corpsecret).access_token;

const bare = axios.create({ baseURL: emulator.url, httpAgent: new http.Agent({ keepAlive: true }) });
const api = new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, logger });
const proxy = await startProxy();
const proxied = new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, logger, proxyUrl: proxy.url });

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  return ((performance.now() - t0) / N) * 1000;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const floorCall = () => bare.get('/cgi-bin/living/get_living_info', { params: { access_token: token, livingid } });
const clientCall = () => api.getLivingInfo(livingid);
const proxiedCall = () => proxied.getLivingInfo(livingid);
// Warm every path (JIT, sockets, the emulator itself), then alternate rounds so no side gets the warm-up.
await time(floorCall);
await time(clientCall);
await time(proxiedCall);
const floors: number[] = [];
const clients: number[] = [];
const proxieds: number[] = [];
for (let round = 0; round < 5; round++) {
  floors.push(await time(floorCall));
  clients.push(await time(clientCall));
  proxieds.push(await time(proxiedCall));
}
const floor = median(floors);
const client = median(clients);
const throughProxy = median(proxieds);
console.log(`calls per round: ${N}, rounds: 5 (median shown)`);
console.log(`${'bare keep-alive axios (floor)'.padEnd(32)} ${floor.toFixed(1).padStart(8)} µs/call`);
console.log(`${'WeComApi.getLivingInfo'.padEnd(32)} ${client.toFixed(1).padStart(8)} µs/call`);
console.log(`${'WeComApi through a proxy'.padEnd(32)} ${throughProxy.toFixed(1).padStart(8)} µs/call`);
console.log(`overhead: ${(client - floor).toFixed(1)} µs/call; client/floor ${(client / floor).toFixed(2)}×`);
console.log(`through the proxy: +${(throughProxy - client).toFixed(1)} µs/call; proxied/direct ${(throughProxy / client).toFixed(2)}×`);

const cold = new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, logger });
const before = emulator.countCalls('gettoken');
await Promise.all(Array.from({ length: 1000 }, () => cold.getLivingInfo(livingid)));
const gettokens = emulator.countCalls('gettoken') - before;
console.log(`gettoken calls for 1,000 concurrent cold calls: ${gettokens}`);
saveResults('client', { floorMicros: floor, clientMicros: client, ratio: client / floor, proxiedMicros: throughProxy, proxiedRatio: throughProxy / client, callsPerRound: N, coldCallGettokens: gettokens });
await proxy.close();
await emulator.close();
process.exit(0);
