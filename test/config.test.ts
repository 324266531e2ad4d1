import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigError, DEFAULTS, loadConfig } from '../src/config.js';

const full = {
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
  WECOM_CORP_SECRET: 'super-secret-value',
  WECOM_AGENT_ID: '1000002',
  WECOM_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return assert.fail('the configuration was accepted');
};

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set, with no WeCom settings', () => {
    const config = loadConfig({});
    assert.equal(config.wecom, null);
    assert.equal(config.port, 3000);
    assert.equal(config.timezone, 'Asia/Shanghai');
    assert.equal(config.callbackPath, '/wecom/callback');
    assert.equal(config.defaultLiveType, DEFAULTS.live.defaultType);
    assert.equal(config.defaultLiveDurationSeconds, 3600);
    assert.equal(config.apiBaseURL, 'https://qyapi.weixin.qq.com');
  });

  it('gives every caller its own copy: changing one Config does not change the next', () => {
    const first = loadConfig({});
    first.queue.capacity = 1;
    first.retry.baseDelayMs = 0;
    const second = loadConfig({});
    assert.equal(second.queue.capacity, DEFAULTS.queue.capacity);
    assert.equal(second.retry.baseDelayMs, DEFAULTS.retry.baseDelayMs);
  });

  it('reads every WeCom setting and the admins list', () => {
    const config = loadConfig({ ...full, WECOM_ADMIN_USERIDS: 'zhangsan, lisi，wangwu', PORT: '8080' });
    assert.deepEqual(config.wecom, {
      corpId: 'wx5823bf96d3bd56c7',
      corpSecret: 'super-secret-value',
      agentId: 1000002,
      token: 'QDG6eK',
      encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    });
    assert.deepEqual(config.adminUserids, ['zhangsan', 'lisi', 'wangwu']);
    assert.equal(config.port, 8080);
  });

  it('names each missing WeCom setting when only some are given', () => {
    assert.deepEqual(problems({ WECOM_CORP_ID: 'ww1', WECOM_TOKEN: 'abc' }), [
      'WECOM_CORP_SECRET: missing (set all WeCom settings, or none to run the sandbox)',
      'WECOM_AGENT_ID: missing (set all WeCom settings, or none to run the sandbox)',
      'WECOM_ENCODING_AES_KEY: missing (set all WeCom settings, or none to run the sandbox)',
    ]);
  });

  it('gives one clear line per invalid value, and never echoes a value', () => {
    const lines = problems({
      ...full,
      WECOM_ENCODING_AES_KEY: 'tooShortKeyValue',
      WECOM_AGENT_ID: 'abc',
      PORT: '70000',
      WECOM_TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
    });
    assert.equal(lines.length, 5);
    assert.match(lines.find((l) => l.startsWith('WECOM_ENCODING_AES_KEY'))!, /exactly 43/);
    assert.match(lines.find((l) => l.startsWith('WECOM_AGENT_ID'))!, /numeric AgentId/);
    assert.match(lines.find((l) => l.startsWith('PORT'))!, /at most 65535/);
    assert.match(lines.find((l) => l.startsWith('WECOM_TIMEZONE'))!, /IANA time zone/);
    assert.ok(lines.find((l) => l.startsWith('LOG_LEVEL')));
    assert.ok(!lines.join('\n').includes('tooShortKeyValue'));
  });
});

describe('config/.env.example', () => {
  it('is what the schema renders: every setting, with its default and a line of help', async () => {
    const { renderEnvExample } = await import('../src/config-example.js');
    const committed = readFileSync(new URL('../config/.env.example', import.meta.url), 'utf8');
    assert.equal(committed, renderEnvExample(), 'run npm run env:example');
  });

  it('read as the environment, it configures exactly what no environment does (its defaults are the real ones)', async () => {
    const committed = readFileSync(new URL('../config/.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries(committed.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    assert.equal(Object.keys(env).length, 34);
    assert.deepEqual(loadConfig(env), loadConfig({}));
  });
});
