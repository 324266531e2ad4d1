import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WeComEmulator } from '../../src/emulator/server.js';

/** Talks to the emulator with plain fetch, as any WeCom client would. */
describe('WeCom emulator, API half', () => {
  let emulator: WeComEmulator;
  let token: string;
  const get = async (path: string) => (await fetch(`${emulator.url}/cgi-bin/${path}`)).json() as Promise<Record<string, unknown>>;
  const post = async (path: string, body: unknown) =>
    (await fetch(`${emulator.url}/cgi-bin/${path}?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then((r) => r.json())) as Record<string, unknown>;

  before(async () => {
    emulator = await WeComEmulator.start({ corpid: 'wwEmu', corpsecret: 'emu-secret', agentid: 1000005 });
    token = String((await get('gettoken?corpid=wwEmu&corpsecret=emu-secret')).access_token);
  });
  after(() => emulator.close());

  it('answers gettoken as WeCom does: the same token while valid, and 40013 / 40001 / 41004 on bad credentials', async () => {
    assert.equal((await get('gettoken?corpid=wwEmu&corpsecret=emu-secret')).access_token, token);
    assert.equal((await get('gettoken?corpid=wwEmu&corpsecret=emu-secret')).expires_in, 7200);
    assert.equal((await get('gettoken?corpid=wwOther&corpsecret=emu-secret')).errcode, 40013);
    assert.equal((await get('gettoken?corpid=wwEmu&corpsecret=nope')).errcode, 40001);
    assert.equal((await get('gettoken?corpid=wwEmu')).errcode, 41004);
  });

  it('refuses a missing (41001) or unknown (40014) token, an unknown path (404) and a wrong method (43001)', async () => {
    assert.equal((await get('get_api_domain_ip')).errcode, 41001);
    assert.equal((await get('get_api_domain_ip?access_token=bogus')).errcode, 40014);
    assert.equal((await get(`no/such/api?access_token=${token}`)).errcode, 404);
    assert.equal((await get(`living/create?access_token=${token}`)).errcode, 43001);
  });

  it('answers a body that is not JSON with 47001', async () => {
    assert.equal((await post('living/create', '{not json')).errcode, 47001);
  });

  it('checks living/create as WeCom does: theme, start, duration', async () => {
    const start = Math.floor(Date.now() / 1000) + 3600;
    const base = { anchor_userid: 'u', theme: '主题', living_start: start, living_duration: 60 };
    assert.equal((await post('living/create', base)).errcode, 0);
    assert.deepEqual(await post('living/create', { ...base, theme: '长'.repeat(21) }), { errcode: 40058, errmsg: 'invalid theme' });
    assert.equal((await post('living/create', { ...base, living_start: start - 7200 })).errmsg, 'invalid living_start');
    assert.equal((await post('living/create', { ...base, living_duration: 0 })).errmsg, 'invalid living_duration');
  });

  it('checks template cards: task_id charset, at most 6 rows, card_action for text_notice', async () => {
    const card = (c: object) => post('message/send', { touser: 'u', agentid: 1000005, msgtype: 'template_card', template_card: c });
    const button = { card_type: 'button_interaction', main_title: { title: 't' }, button_list: [{ text: 'b', key: 'k' }] };
    assert.equal((await card({ ...button, task_id: 'bad id!' })).errmsg, 'invalid task_id');
    const rows = Array.from({ length: 7 }, (_, i) => ({ keyname: `k${i}`, value: 'v' }));
    assert.equal((await card({ ...button, task_id: 'ok1', horizontal_content_list: rows })).errmsg, 'invalid horizontal_content_list');
    assert.equal((await card({ card_type: 'text_notice', main_title: { title: 't' } })).errcode, 42045);
    assert.equal((await post('message/send', { touser: 'u', agentid: 1, msgtype: 'text', text: { content: 'x' } })).errcode, 40056);
  });

  it('silently drops the 31st message to one member within a minute, as WeCom does', async () => {
    for (let i = 0; i < 31; i++) {
      const res = await post('message/send', { touser: 'busy', agentid: 1000005, msgtype: 'text', text: { content: `#${i}` } });
      assert.equal(res.errcode, 0);
    }
    assert.equal(emulator.messages.forUser('busy').length, 30);
    assert.deepEqual(emulator.messages.dropped.map((m) => m.content), ['#30']);
    emulator.clock.advance(61_000);
    await post('message/send', { touser: 'busy', agentid: 1000005, msgtype: 'text', text: { content: 'later' } });
    assert.equal(emulator.messages.forUser('busy').at(-1)?.content, 'later');
  });

  it('records calls without the access_token or corpsecret', () => {
    assert.ok(emulator.calls.length > 10);
    const recorded = JSON.stringify(emulator.calls);
    assert.ok(!recorded.includes(token));
    assert.ok(!recorded.includes('emu-secret'));
  });
});
