/**
 * The local WeCom: a real HTTP server that plays WeCom's server API by the rules of docs/wecom-protocol.md,
 * records every call and takes fault knobs. Tests, benchmarks and the sandbox point WeComApi's baseURL at it.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { OffsetClock } from '../clock.js';
import { AibotSender } from './aibot.js';
import { EmulatedAibotResponses } from './aibot-responses.js';
import { CallbackSender, randomEncodingAESKey } from './callbacks.js';
import { EmulatedSchedules } from './schedules.js';
import { EmulatedDirectory } from './directory.js';
import { Faults } from './faults.js';
import { EmulatedLives } from './lives.js';
import { EmulatedMediaStore } from './media.js';
import { EmulatedMessages } from './messages.js';
import { EmulatedTokens } from './tokens.js';
import { EmulatedWeComError, invalidParam } from './wecom-error.js';

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  corpid?: string;
  corpsecret?: string;
  agentid?: number;
  /** Lifetime of an access_token, seconds (WeCom: 7200). */
  tokenTtlSeconds?: number;
  /** The app's 接收消息 Token and EncodingAESKey; generated when not given. */
  callbackToken?: string;
  encodingAESKey?: string;
}

export interface CallRecord {
  path: string;
  method: string;
  at: number;
  /** The query without access_token / corpsecret. */
  query: Record<string, unknown>;
  body: unknown;
}

type Handler = (req: Request) => object;

/** Calls kept for inspection; older ones are dropped so a long sandbox session does not grow without bound. */
const MAX_RECORDED_CALLS = 50_000;

export class WeComEmulator {
  readonly corpid: string;
  readonly corpsecret: string;
  readonly agentid: number;
  readonly clock = new OffsetClock();
  readonly faults = new Faults();
  readonly tokens: EmulatedTokens;
  readonly lives: EmulatedLives;
  readonly messages: EmulatedMessages;
  /** Members user/get knows (with names), and members it may not describe (60011). */
  readonly directory = new EmulatedDirectory();
  /** 日程: schedules, their attendees, and the app's permission to call the API. */
  readonly schedules = new EmulatedSchedules();
  /** Files uploaded with media/upload, downloadable with media/get. */
  readonly media: EmulatedMediaStore;
  /** Signs, encrypts and POSTs callbacks to the bot; set its `url` to the bot's callback URL. */
  readonly callbacks: CallbackSender;
  /** The 智能机器人's response_urls: codes handed out with its callbacks, and what the bot pushed through them. */
  readonly aibotResponses: EmulatedAibotResponses;
  readonly calls: CallRecord[] = [];
  private server: Server | undefined;
  private baseUrl = '';

  private constructor(options: EmulatorOptions) {
    this.corpid = options.corpid ?? `ww${randomBytes(8).toString('hex')}`;
    this.corpsecret = options.corpsecret ?? randomBytes(32).toString('base64url');
    this.agentid = options.agentid ?? 1000002;
    this.tokens = new EmulatedTokens(this.corpid, this.corpsecret, this.clock, options.tokenTtlSeconds ?? 7200);
    this.lives = new EmulatedLives(this.clock);
    this.media = new EmulatedMediaStore(this.clock);
    this.aibotResponses = new EmulatedAibotResponses(this.clock);
    this.messages = new EmulatedMessages(this.clock, this.agentid, (mediaId) => this.media.get(mediaId).filename, (userid) => this.directory.isGone(userid));
    this.callbacks = new CallbackSender(
      options.callbackToken ?? randomBytes(12).toString('hex'),
      options.encodingAESKey ?? randomEncodingAESKey(),
      this.corpid,
      this.agentid,
      this.clock,
    );
  }

  /** Starts an emulator on a free port (or `options.port`). */
  static async start(options: EmulatorOptions = {}): Promise<WeComEmulator> {
    const emulator = new WeComEmulator(options);
    await emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    return emulator;
  }

  /** Base URL to give WeComApi, e.g. http://127.0.0.1:41234. */
  get url(): string {
    return this.baseUrl;
  }

  /** How many calls reached `path` (e.g. "gettoken", "living/create"). */
  countCalls(path: string): number {
    return this.calls.filter((c) => c.path === path).length;
  }

  /**
   * Moves the emulator's clock forward and, as WeCom does, tells the app about lives that started or ended
   * (living_status_change) when a callback URL is set.
   */
  async advanceClock(ms: number): Promise<void> {
    const before = new Map(this.lives.all().map((l) => [l.livingid, this.lives.status(l)]));
    this.clock.advance(ms);
    if (!this.callbacks.url) return;
    for (const live of this.lives.all()) {
      const status = this.lives.status(live);
      // WeCom announces 直播中 and 已结束 (and never 已过期); a jump past a whole live announces both.
      const changes = before.get(live.livingid) === 0 && status === 2 ? [1, 2] : before.get(live.livingid) !== status && (status === 1 || status === 2) ? [status] : [];
      for (const change of changes) await this.callbacks.livingStatusChange(live.anchor_userid, live.livingid, change);
    }
  }

  /** A 智能机器人 sender whose callbacks carry response_urls this emulator answers (set its `url` to the bot's). */
  aibotSender(token?: string, encodingAESKey?: string): AibotSender {
    return new AibotSender(this.clock, token, encodingAESKey, (from, chatid) => `${this.url}/cgi-bin/aibot/response?response_code=${this.aibotResponses.issue(from, chatid)}`);
  }

  /** Stops the server and drops open connections. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The Express app with WeCom's routes; the sandbox mounts it in its own server. */
  app(): express.Express {
    const app = express();
    app.disable('x-powered-by');
    app.use(express.json({ limit: '1mb' }));
    // media/upload: the multipart body is read by the route itself (WeCom takes files up to 20 MB).
    app.use(express.raw({ type: 'multipart/form-data', limit: '21mb' }));
    const routes: Record<string, { method: 'GET' | 'POST'; handle: Handler; open?: boolean }> = {
      gettoken: {
        method: 'GET',
        open: true,
        handle: (req) => this.tokens.get(str(req.query.corpid), str(req.query.corpsecret)),
      },
      get_api_domain_ip: { method: 'GET', handle: () => ({ ip_list: ['127.0.0.1'] }) },
      'living/create': {
        method: 'POST',
        handle: (req) => ({ livingid: this.lives.create(body(req)).livingid }),
      },
      'living/modify': { method: 'POST', handle: (req) => (this.lives.modify(body(req).livingid, body(req)), {}) },
      'living/cancel': { method: 'POST', handle: (req) => (this.lives.cancel(body(req).livingid), {}) },
      'living/delete_replay_data': {
        method: 'POST',
        handle: (req) => (this.lives.deleteReplay(body(req).livingid), {}),
      },
      'living/get_living_info': {
        method: 'GET',
        handle: (req) => ({ living_info: this.lives.info(this.lives.get(str(req.query.livingid))) }),
      },
      'living/get_user_all_livingid': {
        method: 'POST',
        handle: (req) => this.lives.listFor(body(req).userid, body(req).cursor, body(req).limit),
      },
      'living/get_watch_stat': {
        method: 'POST',
        handle: (req) => this.lives.watchStat(body(req).livingid, body(req).next_key),
      },
      'living/get_living_code': {
        method: 'POST',
        handle: (req) => {
          this.lives.get(body(req).livingid);
          if (typeof body(req).openid !== 'string' || body(req).openid === '') throw invalidParam('openid');
          return { living_code: randomBytes(16).toString('hex') };
        },
      },
      'living/get_living_share_info': {
        method: 'POST',
        handle: () => {
          throw invalidParam('ww_share_code');
        },
      },
      'message/send': { method: 'POST', handle: (req) => this.messages.send(body(req)) },
      'message/update_template_card': { method: 'POST', handle: (req) => this.messages.update(body(req)) },
      'user/get': { method: 'GET', handle: (req) => this.directory.get(req.query.userid) },
      'department/simplelist': { method: 'GET', handle: (req) => this.directory.listDepartments(req.query.id) },
      'user/simplelist': { method: 'GET', handle: (req) => this.directory.listMembers(req.query.department_id) },
      'tag/get': { method: 'GET', handle: (req) => this.directory.getTag(req.query.tagid) },
      'department/get': { method: 'GET', handle: (req) => this.directory.getDepartment(req.query.id) },
      'oa/schedule/add': { method: 'POST', handle: (req) => this.schedules.add(body(req)) },
      'oa/schedule/update': { method: 'POST', handle: (req) => this.schedules.update(body(req)) },
      'oa/schedule/del': { method: 'POST', handle: (req) => this.schedules.del(body(req)) },
      'oa/schedule/add_attendees': { method: 'POST', handle: (req) => this.schedules.addAttendees(body(req)) },
      'tag/list': { method: 'GET', handle: () => this.directory.listTags() },
      'media/upload': { method: 'POST', handle: (req) => this.media.upload(req.query.type, req.headers['content-type'], req.body) },
      // Authorised by its one-use code alone: no access_token.
      'aibot/response': { method: 'POST', open: true, handle: (req) => this.aibotResponses.respond(req.query.response_code, body(req)) },
    };
    // media/get answers the file itself (not JSON), or WeCom's JSON error.
    app.get('/cgi-bin/media/get', (req: Request, res: Response) => {
      this.record('media/get', req);
      try {
        this.tokens.check(str(req.query.access_token));
        const media = this.media.get(req.query.media_id);
        res.type(media.contentType).attachment(media.filename).send(media.bytes);
      } catch (error) {
        if (!(error instanceof EmulatedWeComError)) throw error;
        res.json({ errcode: error.errcode, errmsg: error.errmsg });
      }
    });
    app.all('/cgi-bin/{*path}', async (req: Request, res: Response) => {
      const path = req.path.replace(/^\/cgi-bin\//, '');
      this.record(path, req);
      const route = routes[path];
      const delay = this.faults.takeDelay(path);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const network = this.faults.take(path, ['reset', 'status']);
      if (network?.kind === 'reset') return void req.socket.destroy();
      if (network?.kind === 'status') return void res.status(network.status).type('text/html').send('<html>bad gateway</html>');
      try {
        // WeCom answers an unknown path with errcode 404 ("invalid url"), still over HTTP 200.
        if (!route) throw new EmulatedWeComError(404, 'invalid url');
        if (route.method !== req.method) throw new EmulatedWeComError(43001, `require ${route.method} method`);
        if (!route.open) this.tokens.check(str(req.query.access_token));
        const fault = this.faults.take(path, ['errcode', 'lose-response']);
        if (fault?.kind === 'errcode') throw new EmulatedWeComError(fault.errcode, fault.errmsg);
        const result = route.handle(req);
        if (fault?.kind === 'lose-response') return void req.socket.destroy();
        res.json({ errcode: 0, errmsg: 'ok', ...result });
      } catch (error) {
        if (!(error instanceof EmulatedWeComError)) throw error;
        res.json({ errcode: error.errcode, errmsg: error.errmsg });
      }
    });
    // A body that is not JSON: WeCom answers 47001 (data format error), still over HTTP 200.
    app.use((error: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
      if ((error as { type?: string }).type === 'entity.parse.failed') return void res.json({ errcode: 47001, errmsg: 'data format error' });
      next(error);
    });
    return app;
  }

  private record(path: string, req: Request): void {
    const { access_token: _token, corpsecret: _secret, ...query } = req.query;
    // A multipart upload is recorded by its size, not its bytes.
    const recorded = Buffer.isBuffer(req.body) ? { bytes: req.body.length } : req.body;
    this.calls.push({ path, method: req.method, at: this.clock.now(), query, body: recorded });
    if (this.calls.length > MAX_RECORDED_CALLS) this.calls.splice(0, this.calls.length - MAX_RECORDED_CALLS);
  }

  private async listen(port: number, host: string): Promise<void> {
    const server = this.app().listen(port, host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${address.port}`;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const body = (req: Request): Record<string, unknown> =>
  req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
