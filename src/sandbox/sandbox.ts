/**
 * Sandbox mode: with no WeCom settings, the bot runs against an embedded WeCom emulator exactly as it would against
 * WeCom (signed and encrypted callbacks in, message/send over HTTP out), and serves a chat page to drive it.
 * The page is a thin client: it asks the emulator to send a member's text or click, and shows what the emulator
 * received through message/send. No secret and no crypto in the browser.
 */
import { fileURLToPath } from 'node:url';
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { createBot, type Bot } from '../app.js';
import { STATUS_NAMES } from '../cards/status.js';
import { STREAM_WINDOW_MS } from '../aibot/router.js';
import { AIBOT_DEFAULTS, type Config } from '../config.js';
import type { SentMessage } from '../emulator/messages.js';
import { WeComEmulator } from '../emulator/server.js';
import type { Logger } from '../log.js';
import { seedDemo } from './seed.js';

export interface SandboxMember {
  userid: string;
  name: string;
  admin: boolean;
}

/** One line of a member's conversation: what they typed, or what the bot sent them. */
type Entry = { seq: number; from: 'member'; text: string } | { seq: number; from: 'bot'; message: SentMessage };

/**
 * One line of the group chat with the 智能机器人: what a member wrote (with the @mention), or the bot's answer to
 * them — a stream that grows until it is finished, or a response_url push — quoting what they asked.
 */
type GroupEntry =
  | { seq: number; from: 'member'; user: string; text: string }
  | { seq: number; from: 'bot'; to: string; quote: string; text: string; finished: boolean; via: 'stream' | 'response_url' };

/** The sandbox's one group chat, where every member can @-mention the bot. */
const GROUP_CHAT_ID = 'wrSANDBOXGROUP';
const MAX_GROUP_ENTRIES = 1000;
/** How often the page's WeCom asks for an unfinished stream (WeCom's own cadence is not documented). */
const REFRESH_EVERY_MS = 500;

export interface Sandbox {
  emulator: WeComEmulator;
  bot: Bot;
  /** Points the emulator's callbacks at the bot once it listens on `port`. */
  attach(port: number): void;
  close(): Promise<void>;
}

const MAX_ENTRIES_PER_MEMBER = 500;
const LOOPBACK = /^(?:localhost|127\.\d+\.\d+\.\d+|::1)$/i;

/** True for this machine's own names: a HOST value (`::1`) or a Host header (`localhost:3000`, `[::1]:3000`). */
export function isLoopback(host: string): boolean {
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(host);
  const name = bracketed ? bracketed[1]! : host.split(':').length === 2 ? host.slice(0, host.indexOf(':')) : host;
  return LOOPBACK.test(name);
}

/**
 * Who may use the sandbox (it acts as any member, the admin included). Without a token it serves only requests
 * addressed to this machine by name (a page on another site that points its own hostname at 127.0.0.1, DNS
 * rebinding, sends its own Host and is refused). With a token (SANDBOX_ALLOW_REMOTE) every API call must carry it.
 */
function hostGuard(token: string | undefined): express.RequestHandler {
  return (req, res, next) => {
    if (!token && !isLoopback(req.headers.host ?? '')) return void res.status(403).json({ error: 'sandbox: only for this machine (Host not allowed)' });
    next();
  };
}

const SESSION_COOKIE = 'sandbox_session';

/**
 * Every /sandbox/api call carries the token when there is one (mounted on the API router: paths match as Express
 * routes them): in the x-sandbox-token header, or as the session cookie the page gets for it (POST session) —
 * EventSource and file links cannot send a header. Never in the query string, where logs and Referer keep it.
 */
function tokenGuard(token: string | undefined): express.RequestHandler {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(token ?? '');
  // What the cookie holds: derived from the token, so it is no copy of it and dies with it.
  const session = createHash('sha256').update(`sandbox-session:${token ?? ''}`).digest('hex');
  // Digests of equal length, so timingSafeEqual never throws whatever was sent.
  const same = (given: string, want: Buffer) => timingSafeEqual(digest(given), want);
  return (req, res, next) => {
    if (!token) return next();
    const header = req.headers['x-sandbox-token'];
    if (typeof header === 'string' && same(header, expected)) {
      if (req.method === 'POST' && req.path === '/session') {
        res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/sandbox`);
        return void res.status(204).end();
      }
      return next();
    }
    const cookie = /(?:^|;\s*)sandbox_session=([0-9a-f]{64})/.exec(req.headers.cookie ?? '')?.[1];
    if (cookie && same(cookie, digest(session))) return next();
    res.status(401).json({ error: 'sandbox: open the page with its token (/#token=…)' });
  };
}
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/** Starts the emulator and a bot wired to it; the bot's app also serves the chat page and /sandbox/api. */
export async function startSandbox(options: { config: Config; logger: Logger; seed?: string; token?: string }): Promise<Sandbox> {
  const emulator = await WeComEmulator.start();
  const admins = options.config.adminUserids.length > 0 ? options.config.adminUserids : ['admin'];
  // The 智能机器人 beside the app: its own Token and key (generated unless set), so the group chat works out of the box.
  const group = emulator.aibotSender(options.config.aibot?.token, options.config.aibot?.encodingAESKey);
  const aibot = { ...AIBOT_DEFAULTS, ...options.config.aibot, token: group.token, encodingAESKey: group.encodingAESKey };
  const config: Config = { ...options.config, apiBaseURL: emulator.url, adminUserids: admins, aibot };
  const bot = createBot({
    config,
    mode: 'sandbox',
    logger: options.logger,
    clock: emulator.clock,
    wecom: {
      corpId: emulator.corpid,
      corpSecret: emulator.corpsecret,
      agentId: emulator.agentid,
      token: emulator.callbacks.token,
      encodingAESKey: emulator.callbacks.encodingAESKey,
    },
  });

  const members: SandboxMember[] = [
    { userid: 'zhangsan', name: '张三', admin: false },
    { userid: 'lisi', name: '李四', admin: false },
    ...admins.map((userid) => ({ userid, name: userid === 'admin' ? '王管理员' : userid, admin: true })),
  ];
  const conversations = new Map<string, Entry[]>();
  let seq = 0;
  const listeners = new Set<Response>();
  const record = (user: string, entry: Entry) => {
    const list = conversations.get(user) ?? [];
    list.push(entry);
    if (list.length > MAX_ENTRIES_PER_MEMBER) list.shift();
    conversations.set(user, list);
  };
  /** Tells every open page what changed: a member's app chat ({ user }) or the group ({ group: true }). */
  const announce = (event: { user: string } | { group: true }) => {
    for (const res of listeners) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  emulator.messages.onMessage((message, change) => {
    if (change === 'new') record(message.touser, { seq: ++seq, from: 'bot', message });
    announce({ user: message.touser });
  });
  for (const m of members) emulator.directory.add(m.userid, m.name);

  const groupEntries: GroupEntry[] = [];
  let closed = false;
  const recordGroup = (entry: GroupEntry) => {
    groupEntries.push(entry);
    if (groupEntries.length > MAX_GROUP_ENTRIES) groupEntries.shift();
    announce({ group: true });
  };
  emulator.aibotResponses.onPush((push) => {
    if (push.chatid !== GROUP_CHAT_ID || push.body.msgtype !== 'markdown') return;
    recordGroup({ seq: ++seq, from: 'bot', to: push.from, quote: '', text: push.body.markdown.content, finished: true, via: 'response_url' });
  });
  /**
   * A member's message in the group, shown as typed. WeCom delivers only messages that @-mention the bot: one that
   * mentions someone else only is not delivered; one with no mention at all gets the bot's added (the tab is for
   * talking to the bot).
   */
  const sendToGroup = async (user: string, typed: string): Promise<number | undefined> => {
    const mentionsBot = typed.includes(`@${aibot.name}`) || typed.includes(`＠${aibot.name}`);
    const shown = mentionsBot || /^\s*[@＠]/.test(typed) ? typed : `@${aibot.name} ${typed}`;
    recordGroup({ seq: ++seq, from: 'member', user, text: shown });
    if (!mentionsBot && /^\s*[@＠]/.test(typed)) return undefined;
    const answer = await group.sendText(user, shown, { chat: GROUP_CHAT_ID, mention: false });
    const stream = answer.reply?.stream as { id: string; finish: boolean; content: string } | undefined;
    if (!stream) return answer.status;
    const entry: GroupEntry = { seq: ++seq, from: 'bot', to: user, quote: shown, text: stream.content, finished: stream.finish, via: 'stream' };
    recordGroup(entry);
    // WeCom's refreshes, in the background: the member's send is answered at once, the bubble grows as they come.
    void (async () => {
      const until = Date.now() + STREAM_WINDOW_MS;
      while (!entry.finished && !closed && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, REFRESH_EVERY_MS));
        const refreshed = (await group.refresh(user, stream.id, GROUP_CHAT_ID).catch(() => undefined))?.reply?.stream as typeof stream | undefined;
        if (!refreshed || closed) break;
        Object.assign(entry, { text: refreshed.content, finished: refreshed.finish });
        announce({ group: true });
      }
    })();
    return answer.status;
  };
  if (options.seed === 'demo') seedDemo(emulator);

  const api = express.Router();
  api.use(express.json({ limit: '16kb' }));
  api.get('/state', (_req, res) => {
    const stats = bot.api.getApiStats();
    res.json({
      members,
      now: emulator.clock.now(),
      timezone: config.timezone,
      lives: emulator.lives.all().map((l) => {
        const status = emulator.lives.status(l);
        return { livingid: l.livingid, theme: l.theme, anchor: l.anchor_userid, start: l.living_start, duration: l.living_duration, status, statusName: STATUS_NAMES[status], viewers: l.users.length + l.externalUsers.length };
      }),
      // Every member's calendar (日程): the page shows the one of the member it speaks as.
      schedules: emulator.schedules.all().filter((s) => !s.cancelled).map((s) => ({ id: s.schedule_id, summary: s.summary, start: s.start_time, end: s.end_time, organizer: s.organizer, attendees: s.attendees })),
      stats: { totalCalls: stats.totalCalls, successRate: stats.successRate, errorCalls: stats.errorCalls, tokenFetches: stats.tokenStats.fetches },
    });
  });
  api.get('/conversation', (req, res) => {
    res.json(conversations.get(String(req.query.user ?? '')) ?? []);
  });
  api.post('/send', async (req: Request, res: Response) => {
    const user = memberOf(req.body);
    const text = typeof req.body?.text === 'string' ? req.body.text.slice(0, 2000) : '';
    if (!user || text.trim() === '') return void res.status(400).json({ error: '请选择成员并输入内容' });
    record(user, { seq: ++seq, from: 'member', text });
    announce({ user });
    const { answers } = await emulator.callbacks.sendText(user, text);
    res.json({ status: answers[0]?.status });
  });
  api.post('/click', async (req: Request, res: Response) => {
    const user = memberOf(req.body);
    const { taskId, key } = (req.body ?? {}) as { taskId?: unknown; key?: unknown };
    if (!user || typeof taskId !== 'string' || typeof key !== 'string') return void res.status(400).json({ error: 'bad click' });
    let code: string;
    try {
      code = emulator.messages.clickCode(user, taskId);
    } catch {
      return void res.status(404).json({ error: '找不到这张卡片' });
    }
    const [answer] = await emulator.callbacks.clickButton(user, taskId, key, code);
    res.json({ status: answer?.status });
  });
  api.get('/group', (_req, res) => {
    res.json({ name: '项目群', bot: aibot.name, entries: groupEntries });
  });
  api.post('/group/send', async (req: Request, res: Response) => {
    const user = memberOf(req.body);
    const text = typeof req.body?.text === 'string' ? req.body.text.slice(0, 2000) : '';
    if (!user || text.trim() === '') return void res.status(400).json({ error: '请选择成员并输入内容' });
    res.json({ status: await sendToGroup(user, text) });
  });
  // A file message's link: the bytes the bot uploaded with media/upload, as WeCom would hand them to the member.
  api.get('/media/:id', (req: Request, res: Response) => {
    let media;
    try {
      media = emulator.media.get(req.params.id);
    } catch {
      return void res.status(404).json({ error: '文件不存在或已过期' });
    }
    res.type(media.contentType).attachment(media.filename).send(media.bytes);
  });
  api.post('/clock', async (req: Request, res: Response) => {
    const minutes = Number(req.body?.minutes);
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 60 * 24 * 30) return void res.status(400).json({ error: 'bad minutes' });
    await emulator.advanceClock(minutes * 60_000);
    res.json({ now: emulator.clock.now() });
  });
  api.post('/members', (req: Request, res: Response) => {
    const userid = typeof req.body?.userid === 'string' ? req.body.userid.trim() : '';
    if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(userid)) return void res.status(400).json({ error: '成员账号只能包含字母、数字和 _ . @ -' });
    if (!members.some((m) => m.userid === userid)) {
      members.push({ userid, name: userid, admin: admins.includes(userid) });
      emulator.directory.add(userid, userid);
    }
    res.json({ members });
  });
  api.get('/events', (req: Request, res: Response) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  });
  const memberOf = (body: unknown): string | undefined => {
    const user = (body as { user?: unknown } | undefined)?.user;
    return typeof user === 'string' && members.some((m) => m.userid === user) ? user : undefined;
  };

  bot.app.use(hostGuard(options.token));
  bot.app.use('/sandbox/api', tokenGuard(options.token), api);
  bot.app.use(express.static(PUBLIC_DIR));

  return {
    emulator,
    bot,
    attach(port) {
      emulator.callbacks.url = `http://127.0.0.1:${port}${config.callbackPath}`;
      group.url = `http://127.0.0.1:${port}${aibot.path}`;
    },
    async close() {
      closed = true;
      for (const res of listeners) res.end();
      await emulator.close();
    },
  };
}
