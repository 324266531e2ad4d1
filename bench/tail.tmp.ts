import { measure } from './load.js';
import { CallbackSender, randomEncodingAESKey, randomMsgId } from '../src/emulator/callbacks.js';
import { systemClock } from '../src/clock.js';
const corpid = 'ww0123456789abcdef';
const sender = new CallbackSender('BenchToken123', randomEncodingAESKey(), corpid, 1000002, systemClock);
const env = { ...process.env, WECOM_CORP_ID: corpid, WECOM_CORP_SECRET: 'bench-secret', WECOM_AGENT_ID: '1000002', WECOM_TOKEN: sender.token, WECOM_ENCODING_AES_KEY: sender.encodingAESKey, WECOM_API_BASE_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'info' };
const content = '创建直播 季度产品发布会 明天下午3点 90分钟 面向全体员工介绍新产品线与路线图';
const pool = Array.from({ length: 60_000 }, () => {
  const now = Math.floor(Date.now() / 1000);
  const xml = `<xml><ToUserName><![CDATA[${corpid}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${randomMsgId()}</MsgId><AgentID>1000002</AgentID></xml>`;
  const encrypted = sender.crypto.encrypt(xml);
  const s = sender.sign(encrypted, {});
  return { path: `/wecom/callback?msg_signature=${s.signature}&timestamp=${s.timestamp}&nonce=${s.nonce}`, body: sender.envelope(encrypted) };
});
for (let round = 0; round < Number(process.env.R ?? 3); round++) {
  for (const [name, script] of [['floor', 'bench/servers/floor.ts'], ['bot', 'bench/servers/bot.ts']] as const) {
    const corrected = await measure(name, script, env, pool, { overallRate: 2000 });
    const raw = await measure(name, script, env, pool, { overallRate: 2000, ignoreCoordinatedOmission: true });
    console.log(round, name, 'corrected p99', corrected.p99, 'raw p99', raw.p99, 'raw p50', raw.p50);
  }
}
process.exit(0);
