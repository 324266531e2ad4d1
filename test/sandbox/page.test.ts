import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run with apt-get); never a browser downloaded by playwright. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `npm start` on a clean environment (plus `env`): no WeCom settings, so the sandbox. */
async function launchSandbox(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // Its own process group: npm does not pass SIGTERM on to the node process it starts, so the group is signalled.
  const child = spawn('npm', ['start'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = /Sandbox ready: open (http:\/\/localhost:\d+\/)/.exec(output);
    if (match) return { child, url: match[1]!, output: () => output };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the sandbox did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops a sandbox started by launchSandbox. */
async function stopSandbox(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

describe('the sandbox chat page, in a real browser', () => {
  let child: ChildProcess;
  let url: string;
  let output = '';
  let browser: Browser;
  let page: Page;

  before(async () => {
    const sandbox = await launchSandbox();
    child = sandbox.child;
    url = sandbox.url;
    output = sandbox.output();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await stopSandbox(child);
  });

  const send = async (text: string) => {
    await page.locator('#text').fill(text);
    await page.locator('#composer button[type=submit]').click();
  };
  const lastCard = () => page.locator('.msg.bot .card').last();

  it('prints one line saying where the sandbox is', () => {
    assert.match(output, /Sandbox ready: open http:\/\/localhost:\d+\//);
  });

  it('creates a live from the chat and shows the card with its ID', async () => {
    await page.goto(url);
    await page.getByRole('button', { name: /张三/ }).click();
    // The way WeCom shows a conversation: the question as a bubble, the answer, then the card.
    await send('创建直播 周会');
    await page.locator('.msg.bot .bubble', { hasText: '直播「周会」：什么时候开始？' }).waitFor();
    await send('明天15:00');
    const card = lastCard();
    await card.getByText('直播已创建').waitFor();
    const id = await card.locator('dt:text-is("直播ID") + dd').textContent();
    assert.match(id ?? '', /^lv[\w-]{20,}$/);
    assert.equal(await card.locator('dt:text-is("状态") + dd').textContent(), '预约中');
    assert.match((await card.locator('dt:text-is("开始") + dd').textContent()) ?? '', / 15:00 \(周.\)$/);
    await page.locator('#lives').getByText('周会').first().waitFor();
  });

  it('加入日程 on the card puts the live on the member’s calendar beside the chat', async () => {
    assert.equal(await page.locator('#calendar').textContent(), '日程里还没有直播');
    await lastCard().getByRole('button', { name: '加入日程' }).click();
    await page.locator('.msg.bot .bubble', { hasText: '加入你的日程' }).waitFor();
    await page.locator('#calendar li', { hasText: '【直播】周会' }).waitFor();
    assert.match((await page.locator('#calendar li').first().textContent()) ?? '', /15:00.*【直播】周会/);
  });

  it('查看详情 answers the details card; 取消直播 asks to confirm, then cancels and greys the card out', async () => {
    const taskId = await page.locator('.msg.bot .card', { hasText: '直播已创建' }).last().getAttribute('data-task-id');
    const created = page.locator(`.msg.bot .card[data-task-id="${taskId}"]`);
    const id = await created.locator('dt:text-is("直播ID") + dd').textContent();
    await created.getByRole('button', { name: '查看详情' }).click();
    const details = page.locator('.msg.bot .card', { hasText: '直播详情' }).last();
    await details.waitFor();
    assert.equal(await details.locator('dt:text-is("直播ID") + dd').textContent(), id);

    await created.getByRole('button', { name: '取消直播' }).click();
    await created.getByText('确认取消这场直播？').waitFor();
    await created.getByText('张三（zhangsan）').waitFor();
    assert.equal(await page.locator('#lives tr', { hasText: '已取消' }).count(), 0, 'nothing cancelled by the first tap');
    // The README's picture: `UPDATE_SCREENSHOT=1 node --import tsx --test test/sandbox/page.test.ts`
    if (process.env.UPDATE_SCREENSHOT) await page.screenshot({ path: 'docs/sandbox.png' });
    await created.getByRole('button', { name: '确认取消' }).click();
    await page.locator('.msg.bot .bubble', { hasText: '已取消直播「周会」' }).waitFor();
    await created.locator('.replaced', { hasText: '已取消' }).waitFor();
    assert.equal(await created.getByRole('button').count(), 0, 'the buttons are gone');
    await page.locator('#lives tr', { hasText: '已取消' }).first().waitFor();
  });

  it('a member who is not an admin gets no API stats; the admin does', async () => {
    assert.equal(await page.locator('#chips button', { hasText: '统计' }).count(), 0, 'no admin chips for a member');
    await send('统计');
    await page.locator('.msg.bot .bubble', { hasText: '「统计」仅限管理员使用。' }).waitFor();
    await page.getByRole('button', { name: /王管理员/ }).click();
    await page.locator('#chips button', { hasText: '统计' }).waitFor();
    await send('统计');
    const card = lastCard();
    await card.getByText('成功率').waitFor();
    assert.match((await card.locator('.emphasis .big').textContent()) ?? '', /^\d+(\.\d)?%$/);
  });

  it('moving the emulator’s clock takes a live from 预约中 to 直播中 and tells its anchor', async () => {
    await page.getByRole('button', { name: /李四/ }).click();
    await send('创建直播 分享会 明天15:00 30分钟');
    await lastCard().getByText('直播已创建').waitFor();
    // Two days from any time of day is past the end of a live that starts tomorrow at 15:00.
    await page.getByRole('button', { name: '+1天' }).click();
    await page.getByRole('button', { name: '+1天' }).click();
    await page.locator('.msg.bot .bubble', { hasText: /你的直播「分享会」（.+）已开始/ }).waitFor();
    const ended = page.locator('.msg.bot .card', { hasText: '你的直播已结束' }).last();
    await ended.getByText('分享会').waitFor();
    await ended.getByRole('button', { name: '观看统计' }).waitFor();
  });

  it('in the group chat members @-mention the 智能机器人: the group sees the live 张三 created; 观看统计 reaches the admin privately', async () => {
    await page.getByRole('tab', { name: /项目群/ }).click();
    await page.getByRole('button', { name: /张三/ }).click();
    await send('创建直播 群周会 明天15:00');
    await page.locator('.msg.member .bubble', { hasText: '@直播助手 创建直播 群周会 明天15:00' }).waitFor();
    const answer = page.locator('.msg.bot', { hasText: '群周会' }).last();
    await answer.getByText('直播已创建').waitFor();
    assert.match((await answer.locator('.quoted').textContent()) ?? '', /^张三：@直播助手 创建直播 群周会 明天15:00$/, 'the answer quotes the asker');
    const livingid = /直播ID：([\w-]+)/.exec((await answer.textContent()) ?? '')?.[1];
    assert.ok(livingid, 'the group sees the live’s ID');

    await page.getByRole('button', { name: /王管理员/ }).click();
    await send(`观看统计 ${livingid}`);
    await page.locator('.msg.bot', { hasText: '结果涉及观看数据，已通过应用消息私信发给你。' }).waitFor();
    assert.equal(await page.locator('.msg.bot .card').count(), 0, 'no figures in the group');
    await page.locator('#tab-app.unread').waitFor();
    await page.getByRole('tab', { name: '应用单聊' }).click();
    assert.equal(await page.locator('#tab-app.unread').count(), 0, 'read once opened');
    await page.locator('.msg.bot .card', { hasText: '观看统计' }).last().waitFor();
  });

  it('in the group, a mention typed without a space is still the bot’s, shown as typed', async () => {
    await page.getByRole('tab', { name: /项目群/ }).click();
    await page.getByRole('button', { name: /李四/ }).click();
    await send('＠直播助手帮助');
    await page.locator('.msg.member .bubble', { hasText: /^＠直播助手帮助$/ }).waitFor();
    await page.locator('.msg.bot', { hasText: '李四：＠直播助手帮助' }).getByText(/直播助手可用命令/).waitFor();
    assert.equal(await page.locator('#error').isVisible(), false, 'no error shown');
    await page.getByRole('tab', { name: '应用单聊' }).click();
  });

  it('works on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: /张三/ }).click();
    await send('帮助');
    await page.locator('.msg.bot .bubble', { hasText: '直播助手可用命令' }).last().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.ok(await page.locator('#text').isVisible());
  });
});

describe('the sandbox with SANDBOX_SEED=demo: the attendance sheet as a file message, and a training', () => {
  let child: ChildProcess;
  let browser: Browser;
  let page: Page;
  let training: { livingid: string; theme: string } | undefined;

  after(async () => {
    await browser?.close();
    await stopSandbox(child);
  });

  it('导出观看统计 on the seeded training shows a file that opens as the real workbook', async () => {
    const sandbox = await launchSandbox({ SANDBOX_SEED: 'demo' });
    child = sandbox.child;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(sandbox.url);
    await page.getByRole('button', { name: /张三/ }).click();
    const state = await page.evaluate(async () => (await fetch('/sandbox/api/state')).json() as Promise<{ lives: Array<{ livingid: string; theme: string }> }>);
    training = state.lives.find((l) => l.theme === '安全合规培训');
    assert.ok(training, 'the demo seeds an ended training');
    await page.locator('#text').fill(`导出观看统计 ${training.livingid}`);
    await page.locator('#composer button[type=submit]').click();
    const file = page.locator('.msg.bot a.file').last();
    await file.waitFor();
    assert.match((await file.textContent()) ?? '', /观看名单-安全合规培训-[\w-]{1,6}\.xlsx/);
    await page.locator('.msg.bot .bubble', { hasText: '「安全合规培训」观看名单：321位观众' }).waitFor();
    // What the link opens: the bytes the bot uploaded, read back as a workbook.
    const href = await file.getAttribute('href');
    const base64 = await page.evaluate(async (link) => {
      const bytes = new Uint8Array(await (await fetch(link!)).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    }, href);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('观看名单')!;
    assert.equal(sheet.rowCount, 322, 'a header and 321 viewers');
    const names = new Set<string>();
    sheet.eachRow((r, n) => void (n > 1 && names.add(String(r.getCell(1).value))));
    assert.ok(names.has('emp30'), 'the member outside the visible range appears by userid');
    assert.ok(names.has('外部讲师'), 'the external viewer by name');
  });

  it('a training from the chat: 邀请 records who should have watched, 完成情况 shows who did, 催看 reminds the rest', async () => {
    assert.ok(training);
    const send = async (text: string) => {
      await page.locator('#text').fill(text);
      await page.locator('#composer button[type=submit]').click();
    };
    await send(`邀请 ${training.livingid} 生产中心`);
    await page.locator('.msg.bot .bubble', { hasText: '已把 399 人（生产中心）记为应看名单' }).waitFor();
    await send(`完成情况 ${training.livingid}`);
    const card = page.locator('.msg.bot .card', { hasText: '完成情况' }).last();
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /14%[\s\S]*完成率（59\/399人）/, '60 watched nearly all of it; one of them is outside the visible range');
    await card.getByRole('button', { name: /催看/ }).click();
    await page.locator('.msg.bot .bubble', { hasText: '已提醒 340 位未完成的成员' }).waitFor();
  });
});
