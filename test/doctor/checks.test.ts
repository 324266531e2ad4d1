import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig, type Config } from '../../src/config.js';
import { runChecks } from '../../src/doctor/checks.js';
import { startBot, type BotFixture } from '../support/bot.js';

describe('npm run doctor', () => {
  let f: BotFixture;
  const configFor = (overrides: Record<string, string> = {}): Config =>
    loadConfig({
      WECOM_CORP_ID: f.emulator.corpid,
      WECOM_CORP_SECRET: f.emulator.corpsecret,
      WECOM_AGENT_ID: String(f.emulator.agentid),
      WECOM_TOKEN: f.emulator.callbacks.token,
      WECOM_ENCODING_AES_KEY: f.emulator.callbacks.encodingAESKey,
      WECOM_API_BASE_URL: f.emulator.url,
      ...overrides,
    });
  const byName = async (config: Config, url?: string) =>
    Object.fromEntries((await runChecks(config, url)).map((c) => [c.name, c]));

  before(async () => {
    f = await startBot();
  });
  after(() => f.close());

  it('passes every check against a correctly deployed bot', async () => {
    const checks = await runChecks(configFor(), f.emulator.callbacks.url);
    assert.deepEqual(checks.map((c) => [c.name, c.ok]), [['settings', true], ['gettoken', true], ['直播 API', true], ['callback URL', true]]);
    assert.match(checks[3]!.detail, /answered the URL check as WeCom expects in \d+ ms/);
  });

  it('checks the 智能机器人 URL beside the app’s, with its own Token and key, and explains a mismatch', async () => {
    const token = 'AibotToken123';
    const key = 'b'.repeat(43);
    const g = await startBot({ env: { WECOM_AIBOT_TOKEN: token, WECOM_AIBOT_ENCODING_AES_KEY: key } });
    try {
      const url = `${g.url}/wecom/callback`;
      const config = () =>
        loadConfig({
          WECOM_CORP_ID: g.emulator.corpid,
          WECOM_CORP_SECRET: g.emulator.corpsecret,
          WECOM_AGENT_ID: String(g.emulator.agentid),
          WECOM_TOKEN: g.emulator.callbacks.token,
          WECOM_ENCODING_AES_KEY: g.emulator.callbacks.encodingAESKey,
          WECOM_API_BASE_URL: g.emulator.url,
          WECOM_AIBOT_TOKEN: token,
          WECOM_AIBOT_ENCODING_AES_KEY: key,
        });
      const good = Object.fromEntries((await runChecks(config(), url)).map((c) => [c.name, c]));
      assert.equal(good['智能机器人 URL']?.ok, true, good['智能机器人 URL']?.detail);
      const other = config();
      other.aibot = { ...other.aibot!, token: 'AnotherAibotToken' };
      const bad = Object.fromEntries((await runChecks(other, url)).map((c) => [c.name, c]));
      assert.match(bad['智能机器人 URL']!.detail, /the running bot has another Token: copy the Token into WECOM_AIBOT_TOKEN/);
    } finally {
      await g.close();
    }
  });

  it('explains a Token that differs from the running bot’s', async () => {
    const checks = await byName(configFor({ WECOM_TOKEN: 'SomeOtherToken' }), f.emulator.callbacks.url);
    assert.equal(checks['callback URL']?.ok, false);
    assert.match(checks['callback URL']!.detail, /回调地址请求不通过: the running bot has another Token/);
  });

  it('explains an EncodingAESKey that differs, a wrong path and an unreachable host', async () => {
    const otherKey = await byName(configFor({ WECOM_ENCODING_AES_KEY: 'a'.repeat(43) }), f.emulator.callbacks.url);
    assert.match(otherKey['callback URL']!.detail, /another EncodingAESKey/);
    const wrongPath = await byName(configFor(), `${f.url}/wrong/path`);
    assert.match(wrongPath['callback URL']!.detail, /nothing serves that path/);
    const unreachable = await byName(configFor(), 'http://127.0.0.1:1/wecom/callback');
    assert.match(unreachable['callback URL']!.detail, /回调地址请求不通过: .* cannot be reached/);
  });

  it('explains a wrong Secret, a server IP outside 企业可信IP, and a missing 直播 permission in WeCom’s terms', async () => {
    const secret = await byName(configFor({ WECOM_CORP_SECRET: 'wrong' }));
    assert.match(secret.gettoken!.detail, /40001.*copy it again from 应用管理/);
    f.emulator.faults.failNext('get_api_domain_ip', 60020, 1, 'not allow to access from your ip');
    const ip = await byName(configFor());
    assert.match(ip.gettoken!.detail, /60020.*企业可信IP/);
    f.emulator.faults.failNext('living/get_user_all_livingid', 48002, 1, 'api forbidden');
    const living = await byName(configFor());
    assert.equal(living['直播 API']?.ok, false);
    assert.match(living['直播 API']!.detail, /48002.*可调用接口的应用/);
  });

  it('says what to do when no settings or no URL are given', async () => {
    assert.match((await runChecks(loadConfig({}), undefined))[0]!.detail, /no WeCom settings/);
    assert.match((await byName(configFor()))['callback URL']!.detail, /npm run doctor -- https:/);
  });
});
