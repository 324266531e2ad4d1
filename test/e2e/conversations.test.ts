import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SentMessage } from '../../src/emulator/messages.js';
import { formatTime } from '../../src/zone.js';
import { NOW, PHRASINGS } from '../commands/phrasings.js';
import { startBot, waitForMessages, type BotFixture } from '../support/bot.js';

const TZ = 'Asia/Shanghai';
const row = (m: SentMessage | undefined, name: string) => m?.card?.horizontal_content_list?.find((r) => r.keyname === name)?.value;

/** Drives the bot as members would, through encrypted callbacks, at Wednesday 2026-11-25 14:00 in Shanghai. */
describe('understanding members, end to end', () => {
  let f: BotFixture;
  before(async () => {
    f = await startBot({ env: { WECOM_ADMIN_USERIDS: 'ADMIN' } });
    f.emulator.clock.set(NOW);
  });
  after(() => f.close());

  /** Sends `text` as `user`; returns the one reply it caused. */
  const say = async (user: string, text: string): Promise<SentMessage> => {
    const before = f.emulator.messages.forUser(user).length;
    const { answers } = await f.emulator.callbacks.sendText(user, text);
    assert.equal(answers[0]?.status, 200);
    return (await waitForMessages(f.emulator, user, before + 1))[before]!;
  };
  const livesOf = (user: string) => f.emulator.lives.all().filter((l) => l.anchor_userid === user);

  it('every phrasing of the table creates exactly its live, or asks and creates nothing', async () => {
    let created = 0;
    let asked = 0;
    for (const [i, { text, expected, now }] of PHRASINGS.entries()) {
      if ('command' in expected) continue;
      f.emulator.clock.set(now ?? NOW);
      const user = `member${i}`;
      const reply = await say(user, text);
      if ('live' in expected) {
        const [live] = livesOf(user);
        assert.ok(live, `${text}: no live; the bot said ${reply.content}`);
        assert.equal(live.theme, expected.live.theme, text);
        assert.equal(formatTime(live.living_start * 1000, TZ), formatTime(Date.parse(`${expected.live.start}:00+08:00`), TZ), text);
        if (expected.live.duration !== undefined) assert.equal(live.living_duration, expected.live.duration ?? 3600, text);
        assert.equal(live.description ?? '', expected.live.description ?? '', text);
        assert.equal(reply.card?.main_title.desc, '直播已创建', text);
        assert.equal(row(reply, '开始'), formatTime(live.living_start * 1000, TZ), `${text}: the card states the start with its weekday`);
        created++;
      } else {
        assert.equal(livesOf(user).length, 0, `${text}: created a live instead of asking`);
        assert.match(reply.content, /？|吗/, `${text}: not a question: ${reply.content}`);
        if (expected.says) assert.match(reply.content, expected.says, text);
        assert.match((await say(user, '取消')).content, /已放弃/);
        asked++;
      }
    }
    f.emulator.clock.set(NOW);
    console.log(`end to end: ${created} lives created as written, ${asked} questions asked, 0 wrong lives`);
  });

  it('asks for the start, then creates the live from the answer', async () => {
    const question = await say('zhangsan', '创建直播 周会');
    assert.equal(question.content, '直播「周会」：什么时候开始？例如 明天15:00（回复「取消」可放弃）');
    assert.equal(livesOf('zhangsan').length, 0);
    const card = await say('zhangsan', '明天下午3点');
    assert.equal(card.card?.main_title.title, '周会');
    assert.equal(row(card, '开始'), '2026-11-26 15:00 (周四)');
    assert.equal(row(card, '时长'), '1小时');
    assert.equal(livesOf('zhangsan').length, 1);
  });

  it('an answer shaped like a pasted ID is still the answer (Q4ProductLaunch2026 as a theme)', async () => {
    assert.match((await say('idlike', '创建直播 明天15:00')).content, /直播主题是什么/);
    const card = await say('idlike', 'Q4ProductLaunch2026');
    assert.equal(card.card?.main_title.title, 'Q4ProductLaunch2026');
  });

  it('asks for the theme, then takes the answer exactly as written', async () => {
    assert.match((await say('lisi', '创建直播 明天15:00')).content, /^直播主题是什么？/);
    const card = await say('lisi', 'Q4复盘（上）🎉');
    assert.equal(card.card?.main_title.title, 'Q4复盘（上）🎉');
    assert.equal(livesOf('lisi')[0]?.theme, 'Q4复盘（上）🎉');
  });

  it('asks for the hour of a day written alone, and of 两点 (dawn or afternoon?)', async () => {
    assert.match((await say('wangwu', '创建直播 明天 周会')).content, /11月26日几点开始？/);
    assert.equal(row(await say('wangwu', '15:00'), '开始'), '2026-11-26 15:00 (周四)');
    assert.match((await say('wangwu', '创建直播 复盘 后天两点')).content, /「后天两点」是凌晨2点还是下午2点？/);
    assert.equal(row(await say('wangwu', '下午2点'), '开始'), '2026-11-27 14:00 (周五)');
  });

  it('周三上午10点 on a Wednesday afternoon asks whether next Wednesday is meant; 是 takes it', async () => {
    assert.match((await say('wangwu', '创建直播 评审 周三上午10点')).content, /是指下周三（12月2日）吗？回复「是」/);
    assert.equal(row(await say('wangwu', '是'), '开始'), '2026-12-02 10:00 (周三)');
  });

  it('one question at a time until everything is known', async () => {
    assert.match((await say('zhaoliu', '开个直播')).content, /直播主题是什么/);
    assert.match((await say('zhaoliu', '新人培训')).content, /^直播「新人培训」：什么时候开始/);
    assert.match((await say('zhaoliu', '下周三')).content, /12月2日几点开始/);
    const card = await say('zhaoliu', '上午10点 2小时');
    assert.equal(row(card, '开始'), '2026-12-02 10:00 (周三)');
    assert.equal(row(card, '时长'), '2小时');
  });

  it('asks which length holds when a range and a duration disagree', async () => {
    assert.match((await say('sunba', '创建直播 周会 明天9:00-11:30 1小时')).content, /是2小时30分钟，但写的时长是1小时，以哪个为准？/);
    assert.equal(row(await say('sunba', '2小时30分钟'), '时长'), '2小时30分钟');
  });

  it('取消 abandons the question, and so do 10 minutes of silence and another command', async () => {
    await say('zhoujiu', '创建直播 周会');
    assert.equal((await say('zhoujiu', '取消')).content, '好的，已放弃，什么也没有创建。');
    // The question is gone: a bare time is a new request (its theme asked), not 周会 at 15:00.
    assert.match((await say('zhoujiu', '明天下午3点')).content, /^直播主题是什么？/);
    assert.equal((await say('zhoujiu', '取消')).content, '好的，已放弃，什么也没有创建。');

    await say('zhoujiu', '创建直播 周会');
    f.emulator.clock.advance(10 * 60_000 + 1000);
    assert.match((await say('zhoujiu', '明天下午3点')).content, /^直播主题是什么？/, 'the question lapsed: 周会 was not created at 15:00');
    assert.equal((await say('zhoujiu', '取消')).content, '好的，已放弃，什么也没有创建。');
    f.emulator.clock.set(NOW);

    await say('zhoujiu', '创建直播 周会');
    assert.match((await say('zhoujiu', '帮助')).content, /^直播助手可用命令/);
    // The member hears that the question is gone (found in the second trial: the next answer met 没看懂 unexplained).
    for (let i = 0; i < 100 && !f.emulator.messages.forUser('zhoujiu').some((m) => m.content?.includes('之前的问题没有回答，已放弃')); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(f.emulator.messages.forUser('zhoujiu').some((m) => m.content?.includes('之前的问题没有回答，已放弃')), 'told the question was dropped');
    const before = f.emulator.messages.forUser('zhoujiu').length;
    await f.emulator.callbacks.sendText('zhoujiu', '明天下午3点');
    assert.match((await waitForMessages(f.emulator, 'zhoujiu', before + 1))[before]?.content ?? '', /^直播主题是什么？/, 'a command replaces the question: 周会 is not created at 15:00');
    assert.equal(livesOf('zhoujiu').length, 0);
  });

  it('an answer picks one of two offered times; an undecided theme is asked again; giving up in own words abandons', async () => {
    assert.match((await say('wushi', '明天上午10点或者下午3点直播，主题：招聘宣讲')).content ?? '', /消息里有2个时间（明天上午10点 下午3点）/);
    const card = await say('wushi', '下午那个');
    assert.equal(card.card?.main_title.title, '招聘宣讲');
    assert.equal(row(card, '开始'), '2026-11-26 15:00 (周四)');

    assert.match((await say('wushi', '明天下午3点直播')).content ?? '', /主题是什么/);
    assert.match((await say('wushi', '主题还没想好，你先随便起一个')).content ?? '', /主题是什么/, 'asked again, nothing taken as the theme');
    assert.equal((await say('wushi', '算了我自己在企业微信里建')).content, '好的，已放弃，什么也没有创建。');
    assert.equal(livesOf('wushi').length, 1);
  });

  it('an answer that holds a command word is still the answer (导出功能演示 as a theme); a whole command is not', async () => {
    await say('xu', '创建直播 明天15:00 1小时');
    const card = await say('xu', '导出功能演示');
    assert.equal(card.card?.main_title.title, '导出功能演示');
    await say('xu', '创建直播 明天16:00');
    assert.match((await say('xu', '我的直播')).card?.main_title.title ?? '', /我的直播/, 'a bare command word is a new command');
  });

  it('a question does not answer for another member', async () => {
    await say('wu', '创建直播 周会');
    // zheng's bare time opens zheng's own question; wu's stays open for wu.
    assert.match((await say('zheng', '明天下午3点')).content, /^直播主题是什么？/);
    assert.equal((await say('wu', '明天下午3点')).card?.main_title.title, '周会');
  });

  it('an admin (configured in another case) cancels someone’s live, and its anchor is told who did', async () => {
    const card = await say('chen', '创建直播 季度复盘 明天15:00');
    const id = row(card, '直播ID')!;
    const before = f.emulator.messages.forUser('chen').length;
    assert.match((await say('admin', `取消直播 ${id}`)).content, /^已取消直播「季度复盘」/);
    const [told] = (await waitForMessages(f.emulator, 'chen', before + 1)).slice(before);
    assert.equal(told?.content, '你的直播「季度复盘」（2026-11-26 15:00 (周四)）已被管理员 admin 取消。');
  });

  it('the anchor is matched whatever the case of the userid', async () => {
    const card = await say('liu', '创建直播 大小写 明天15:00');
    const id = row(card, '直播ID')!;
    assert.match((await say('LIU', `取消直播 ${id}`)).content, /^已取消直播「大小写」/);
  });

  it('我的直播 shows lives on air, then upcoming soonest first, then the most recent past; 更多 pages on in place', async () => {
    const start = Math.floor(NOW / 1000);
    const make = (theme: string, offset: number, duration = 3600) =>
      f.emulator.lives.create({ anchor_userid: 'he', theme, living_start: start + offset, living_duration: duration }).livingid;
    make('晚些', 7200);
    make('稍后', 3600);
    make('正在播', 600);
    make('刚结束', 300, 60);
    f.emulator.lives.cancel(make('已取消', 10_800));
    for (let i = 0; i < 4; i++) make(`以后${i}`, 86_400 * (i + 2));
    f.emulator.clock.set(NOW + 20 * 60_000);
    try {
      const list = await say('he', '我的直播');
      assert.equal(list.card?.main_title.desc, '共9场 · 第1/2页');
      assert.deepEqual(
        list.card?.horizontal_content_list?.map((r) => `${r.keyname} ${r.value?.split(' ').at(-1)}`),
        ['1.直播中 正在播', '2.预约中 稍后', '3.预约中 晚些', '4.预约中 以后0', '5.预约中 以后1'],
      );
      const more = list.card?.button_list?.find((b) => b.text === '更多');
      assert.ok(more?.key);
      await f.emulator.callbacks.clickButton('he', list.card!.task_id!, more.key, f.emulator.messages.clickCode('he', list.card!.task_id!));
      for (let i = 0; list.updates.length === 0; i++) {
        assert.ok(i < 500, 'the list card was not paged');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const page2 = list.updates[0]!.card!;
      assert.equal(page2.main_title.desc, '共9场 · 第2/2页');
      assert.deepEqual(page2.horizontal_content_list?.map((r) => `${r.keyname} ${r.value?.split(' ').at(-1)}`), ['1.预约中 以后2', '2.预约中 以后3', '3.已取消 已取消', '4.已结束 刚结束']);
    } finally {
      f.emulator.clock.set(NOW);
    }
  });

  it('an errcode the bot does not know is shown once, with WeCom’s errmsg, and suggests checking a typed ID', async () => {
    f.emulator.faults.failNext('living/get_living_info', 99_999, 1, 'brand new failure, hint: [abc], from ip: 10.0.0.1, more info at https://open.work.weixin.qq.com');
    const reply = await say('lisi', '直播详情 lvSomeLive');
    assert.equal(reply.content, '企业微信返回错误（错误码 99999：brand new failure）。请检查直播ID是否正确。');
  });

  it('every example 帮助 shows is understood as written (none answered 没看懂)', async () => {
    const help = (await say('helpreader', '帮助')).content ?? '';
    // 例：… and 也可以：…, split at 、; the placeholders (lvXXXXXXXX) become a real ID.
    const { livingid } = f.emulator.lives.create({ anchor_userid: 'ADMIN', theme: '样例', living_start: Math.floor(f.emulator.clock.now() / 1000) + 86_400, living_duration: 600 });
    const examples = [...help.matchAll(/(?:例|也可以)：([^；\n]+)/g)].flatMap((m) => m[1]!.split('、')).map((e) => e.trim().replace(/lvX+/, livingid));
    assert.ok(examples.length >= 3, help);
    for (const example of examples) {
      const answer = await say('ADMIN', example);
      assert.doesNotMatch(answer.content ?? answer.card?.main_title.title ?? '', /^没看懂/, example);
      // A question one example asked (修改直播 without a value) must not read the next example as its answer.
      await say('ADMIN', '取消');
    }
  });

  it('a request written without 创建 is shown and confirmed before anything is created', async () => {
    const question = await say('qian', '明天晚上7点半到9点 部门分享会');
    assert.match(question.content, /^要创建直播「部门分享会」吗？2026-11-26 19:30 \(周四\)，1小时30分钟。/);
    assert.equal(livesOf('qian').length, 0);
    const card = await say('qian', '是');
    assert.equal(card.card?.main_title.desc, '直播已创建');
    assert.equal(livesOf('qian')[0]?.living_duration, 5400);
    await say('qian', '元旦上午10点 新年致辞');
    assert.equal((await say('qian', '取消')).content, '好的，已放弃，什么也没有创建。');
    assert.equal(livesOf('qian').length, 1);
  });

  it('不对，改成4点 right after a create changes that live, on its day and in its half of the day', async () => {
    await say('sun', '创建直播 周会 明天下午3点');
    const changed = await say('sun', '不对，改成4点');
    assert.equal(changed.card?.main_title.desc, '直播已修改');
    assert.equal(row(changed, '开始'), '2026-11-26 16:00 (周四)');
    assert.equal(livesOf('sun').length, 1);
    const [live] = livesOf('sun');
    const moved = await say('sun', `修改直播 ${live!.livingid} 改到10点半`);
    assert.equal(row(moved, '开始'), '2026-11-26 22:30 (周四)', 'an afternoon live keeps its half of the day');
    const asked = await say('sun', `修改直播 ${live!.livingid} 改到上午10点半`);
    assert.equal(row(asked, '开始'), '2026-11-26 10:30 (周四)');
  });

  it('a pasted ID with a move after it moves that live by the amount (ID 往后推一天, ID 提前半小时)', async () => {
    await say('feng', '创建直播 周会 明天下午3点');
    const [live] = livesOf('feng');
    const later = await say('feng', `${live!.livingid} 往后推一天`);
    assert.equal(later.card?.main_title.desc, '直播已修改');
    assert.equal(row(later, '开始'), '2026-11-27 15:00 (周五)');
    const earlier = await say('feng', `${live!.livingid} 提前半小时`);
    assert.equal(row(earlier, '开始'), '2026-11-27 14:30 (周五)');
    assert.match((await say('feng', `${live!.livingid} 提前3天`)).content, /已经过去/);
    const moved = await say('feng', `把 ${live!.livingid} 推迟到下周一 同一时间`);
    assert.equal(row(moved, '开始'), '2026-11-30 14:30 (周一)', 'a new day keeps the live’s own hour');
    assert.equal(livesOf('feng').length, 1);
  });

  it('a complete new request replaces an open question, and says so', async () => {
    assert.match((await say('li', '创建直播 周会 明天两点')).content, /凌晨2点还是下午2点/);
    const card = await say('li', '帮我明天下午3点开个产品评审会直播');
    assert.equal(card.card?.main_title.title, '产品评审会');
    for (let i = 0; i < 100 && !f.emulator.messages.forUser('li').some((m) => m.content?.includes('按这条新消息重新开始')); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(f.emulator.messages.forUser('li').some((m) => m.content?.includes('按这条新消息重新开始')));
    assert.deepEqual(livesOf('li').map((l) => l.theme), ['产品评审会']);
  });

  it('details, watch stats and exports find a live by its description, or say that none matches', async () => {
    await say('zhou', '创建直播 年终总结会 明天下午3点');
    const [live] = livesOf('zhou');
    const found = await say('zhou', '年终总结会那个直播的详情发我一下');
    assert.match(found.content, new RegExp(`^是这场吗？确认请发送：\\n1\\.「年终总结会」.*发送「直播详情 ${live!.livingid}」`));
    assert.match((await say('zhou', '刚才那场销售冲刺动员会有多少人看了')).content, /^你没有已开始或已结束的直播。/);
    assert.match((await say('zhou', '帮我导出一下产品发布会的观看名单')).content, /^你没有已开始或已结束的直播。/);
    assert.match((await say('zhou', '把后天的周会取消了')).content, /^没有与「把后天的周会 了」相符的直播。你的直播：\n1\.「年终总结会」/);
    assert.equal(f.emulator.lives.status(livesOf('zhou')[0]!), 0, 'nothing was cancelled');
  });
});
