/**
 * WeComApi: the typed client of WeCom's live-stream (直播) and message APIs.
 * One private call() does token, retry, timing and errors; every public method is a thin typed line on top of it.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from '../log.js';
import type { ApiStats } from './api-stats.js';
import { ENDPOINTS, type Endpoint, type EndpointResponse } from './endpoints.js';
import { isTokenErrcode } from './error-handler.js';
import { WeComApiError, WeComBadResponseError, WeComError, WeComHttpError, WeComProxyError, WeComValidationError } from './errors.js';
import { normalizeOptions, WECOM_API_BASE_URL, type NormalizedOptions, type WeComApiOptions } from './options.js';
import { retryDelay } from './retry.js';
import { PerformanceManager } from './stats.js';
import { TokenManager } from './token.js';
import { createTransport, type Transport } from './http.js';
import { proxyCredentials } from './redact.js';
import { send } from './transport.js';
import type {
  AibotResponseBody,
  ApiDomainIpResponse,
  CreateLivingResponse,
  AddScheduleResponse,
  ScheduleFields,
  DepartmentResponse,
  TagListResponse,
  EmptyResponse,
  LivingCodeResponse,
  LivingInfoResponse,
  LivingShareInfoResponse,
  LivingType,
  MediaType,
  MessageBody,
  ModifyLivingRequest,
  SendMessageResponse,
  TemplateCard,
  UpdateTemplateCardResponse,
  UploadMediaResponse,
  UserLivingidsResponse,
  UserResponse,
  DepartmentSimpleListResponse,
  UserSimpleListResponse,
  TagResponse,
  WatchStatResponse,
} from './types.js';
import { SCHEDULE_REMINDERS } from './types.js';
import { checkLivingFields, toUnixSeconds } from './validate.js';

interface CallInput {
  query?: Record<string, string | number>;
  json?: unknown;
  form?: FormData;
}

/** WeCom's size limits per media type. */
const MEDIA_MAX_BYTES: Record<MediaType, number> = { image: 10 << 20, voice: 2 << 20, video: 10 << 20, file: 20 << 20 };

/** Stops a paging loop that WeCom (or a proxy) keeps answering with the same cursor. */
const MAX_PAGES = 10_000;

export type { ApiStats };

/** Client of WeCom's server API for one corp and one app secret. */
export class WeComApi {
  readonly corpid: string;
  private readonly options: NormalizedOptions;
  private readonly transport: Transport;
  private readonly tokens: TokenManager;
  private readonly perf = new PerformanceManager();
  private readonly log: Logger;
  /** Cut out of anything WeCom or a relay answers: the corpsecret and the proxy's credentials. */
  private readonly secrets: readonly string[];
  private lastError: ApiStats['lastError'] = null;
  private lastErrorTime: string | null = null;

  constructor(corpid: string, corpsecret: string, options: WeComApiOptions = {}) {
    this.options = normalizeOptions(corpid, corpsecret, options);
    this.corpid = corpid;
    this.log = this.options.logger.child({ component: 'wecom-api' });
    this.secrets = [corpsecret, ...proxyCredentials(this.options.proxyUrl)];
    this.transport = this.options.transport ?? createTransport({ timeoutMs: this.options.timeoutMs, ...(this.options.proxyUrl ? { proxyUrl: this.options.proxyUrl } : {}) });
    this.tokens = new TokenManager({
      corpid,
      corpsecret,
      store: this.options.tokenStore,
      clock: this.options.clock,
      refreshAheadMs: this.options.refreshAheadMs,
      failureCooldownMs: this.options.failureCooldownMs,
      fetchToken: () => this.call('gettoken', { query: { corpid, corpsecret } }),
    });
  }

  /**
   * 创建预约直播 (doc 93637). `livingStart` is unix seconds or a Date; `livingDuration` is seconds; `remindTime`
   * is how many seconds before the start WeCom reminds the audience (0: no reminder).
   */
  async createLive(
    anchorUserid: string,
    theme: string,
    livingStart: number | Date,
    livingDuration: number,
    type: LivingType = 3,
    description = '',
    options: { remindTime?: number } = {},
  ): Promise<CreateLivingResponse> {
    const start = toUnixSeconds(livingStart);
    const remind = options.remindTime === undefined ? {} : { remind_time: options.remindTime };
    checkLivingFields('living/create', this.options.clock.now(), {
      anchor_userid: anchorUserid,
      theme,
      living_start: start,
      living_duration: livingDuration,
      type,
      description,
      ...remind,
    });
    const json = { anchor_userid: anchorUserid, theme, living_start: start, living_duration: livingDuration, type, description, ...remind };
    return this.call('living/create', { json });
  }

  /** 修改预约直播 (doc 93640): changes any of theme, start, duration, description, type, remind_time. */
  async modifyLiving(livingid: string, changes: Omit<ModifyLivingRequest, 'livingid'>): Promise<EmptyResponse> {
    checkLivingFields('living/modify', this.options.clock.now(), { livingid, ...changes });
    return this.call('living/modify', { json: { livingid, ...changes } });
  }

  /** 获取直播详情 (doc 93635). */
  async getLivingInfo(livingid: string): Promise<LivingInfoResponse> {
    checkLivingFields('living/get_living_info', 0, { livingid });
    return this.call('living/get_living_info', { query: { livingid } }) as Promise<LivingInfoResponse>;
  }

  /** 获取成员直播ID列表 (doc 93634): one page; `limit` ≤ 100. */
  async getUserAllLivingid(userid: string, cursor = '', limit = 20): Promise<UserLivingidsResponse> {
    if (!userid) throw new WeComValidationError('living/get_user_all_livingid', 'userid', 'is empty');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new WeComValidationError('living/get_user_all_livingid', 'limit', 'must be an integer from 1 to 100');
    }
    return this.call('living/get_user_all_livingid', { json: { userid, cursor, limit } });
  }

  /** 获取直播观看明细 (doc 93636): one page; pass the previous page's `next_key`. */
  async getWatchStat(livingid: string, nextKey = ''): Promise<WatchStatResponse> {
    checkLivingFields('living/get_watch_stat', 0, { livingid });
    return this.call('living/get_watch_stat', { json: { livingid, next_key: nextKey } });
  }

  /** 取消预约直播 (doc 93638): only a live that has not started. */
  async cancelLiving(livingid: string): Promise<EmptyResponse> {
    checkLivingFields('living/cancel', 0, { livingid });
    return this.call('living/cancel', { json: { livingid } });
  }

  /** 删除直播回放 (doc 93874). */
  async deleteReplayData(livingid: string): Promise<EmptyResponse> {
    checkLivingFields('living/delete_replay_data', 0, { livingid });
    return this.call('living/delete_replay_data', { json: { livingid } });
  }

  /** 获取微信观看直播凭证 (doc 93641): a code a WeChat user (openid) watches with. */
  async getLivingCode(livingid: string, openid: string): Promise<LivingCodeResponse> {
    checkLivingFields('living/get_living_code', 0, { livingid });
    if (!openid) throw new WeComValidationError('living/get_living_code', 'openid', 'is empty');
    return this.call('living/get_living_code', { json: { livingid, openid } });
  }

  /** 获取跳转小程序商城的直播观众信息 (doc 94442). */
  async getLivingShareInfo(wwShareCode: string): Promise<LivingShareInfoResponse> {
    if (!wwShareCode) throw new WeComValidationError('living/get_living_share_info', 'ww_share_code', 'is empty');
    return this.call('living/get_living_share_info', { json: { ww_share_code: wwShareCode } });
  }

  /** Every page of get_watch_stat, in order: each yielded value is one page's `stat_info`. */
  async *allWatchStats(livingid: string): AsyncGenerator<WatchStatResponse['stat_info']> {
    let nextKey = '';
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.getWatchStat(livingid, nextKey);
      yield res.stat_info;
      if (res.ending === 1 || res.next_key === '' || res.next_key === nextKey) return;
      nextKey = res.next_key;
    }
  }

  /** Every livingid of `userid`, walking get_user_all_livingid page by page. */
  async *allLivingids(userid: string): AsyncGenerator<string> {
    let cursor = '';
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.getUserAllLivingid(userid, cursor, 100);
      yield* res.livingid_list;
      if (res.next_cursor === '' || res.next_cursor === cursor || res.livingid_list.length === 0) return;
      cursor = res.next_cursor;
    }
  }

  /**
   * 发送应用消息 (doc 90236): text, markdown or template_card to one or more members.
   * With `duplicateCheckSeconds`, WeCom drops a repeat of the same content, so the send becomes safe to retry.
   */
  async sendMessage(
    touser: string | string[],
    message: MessageBody,
    options: { duplicateCheckSeconds?: number } = {},
  ): Promise<SendMessageResponse> {
    const agentid = this.requireAgentid('message/send');
    const users = Array.isArray(touser) ? touser.join('|') : touser;
    if (!users) throw new WeComValidationError('message/send', 'touser', 'is empty');
    const dedupe = options.duplicateCheckSeconds;
    const json = {
      touser: users,
      agentid,
      ...message,
      ...(dedupe ? { enable_duplicate_check: 1, duplicate_check_interval: dedupe } : {}),
    };
    return this.call('message/send', { json }, { idempotent: Boolean(dedupe) });
  }

  /** 读取成员 (doc 90196): a member's name; 60011 when the member is outside the app's visible range. */
  async getUser(userid: string): Promise<UserResponse> {
    if (!userid) throw new WeComValidationError('user/get', 'userid', 'is empty');
    return this.call('user/get', { query: { userid } });
  }

  /** 获取子部门ID列表 (doc 95350): `departmentId` and every department below it the app may see; the whole tree without it. */
  async listDepartments(departmentId?: number): Promise<DepartmentSimpleListResponse> {
    if (departmentId !== undefined && (!Number.isInteger(departmentId) || departmentId < 1)) {
      throw new WeComValidationError('department/simplelist', 'id', 'must be a department id (1 or more)');
    }
    return this.call('department/simplelist', { query: departmentId === undefined ? {} : { id: departmentId } });
  }

  /** 获取部门成员 (doc 90200): one department's own members (sub-departments are listed one by one). */
  async listDepartmentMembers(departmentId: number): Promise<UserSimpleListResponse> {
    if (!Number.isInteger(departmentId) || departmentId < 1) throw new WeComValidationError('user/simplelist', 'department_id', 'must be a department id (1 or more)');
    return this.call('user/simplelist', { query: { department_id: departmentId } });
  }

  /** 获取标签成员 (doc 90213): a tag's name, members and departments. */
  async getTag(tagId: number): Promise<TagResponse> {
    if (!Number.isInteger(tagId) || tagId < 1) throw new WeComValidationError('tag/get', 'tagid', 'must be a tag id (1 or more)');
    return this.call('tag/get', { query: { tagid: tagId } });
  }

  /** 获取单个部门详情 (doc 95351): a department's name; 60011 outside the visible range, 60123 unknown. */
  async getDepartment(departmentId: number): Promise<DepartmentResponse> {
    if (!Number.isInteger(departmentId) || departmentId < 1) throw new WeComValidationError('department/get', 'id', 'must be a department id (1 or more)');
    return this.call('department/get', { query: { id: departmentId } });
  }

  /** 获取标签列表 (doc 90216): every tag's id and name. */
  async listTags(): Promise<TagListResponse> {
    return this.call('tag/list', { query: {} });
  }

  /** 创建日程 (doc 93648): an entry on the organizer's (or `cal_id`'s) calendar, with at most 1,000 attendees. */
  async addSchedule(schedule: ScheduleFields): Promise<AddScheduleResponse> {
    checkSchedule('oa/schedule/add', schedule);
    return this.call('oa/schedule/add', { json: { schedule } });
  }

  /** 更新日程 (doc 97716): the fields given; the others stay. */
  async updateSchedule(scheduleId: string, changes: Partial<Omit<ScheduleFields, 'organizer' | 'cal_id'>>): Promise<EmptyResponse> {
    if (!scheduleId) throw new WeComValidationError('oa/schedule/update', 'schedule_id', 'is empty');
    checkSchedule('oa/schedule/update', changes);
    return this.call('oa/schedule/update', { json: { schedule: { schedule_id: scheduleId, ...changes } } });
  }

  /** 取消日程 (doc 93650). */
  async deleteSchedule(scheduleId: string): Promise<EmptyResponse> {
    if (!scheduleId) throw new WeComValidationError('oa/schedule/del', 'schedule_id', 'is empty');
    return this.call('oa/schedule/del', { json: { schedule_id: scheduleId } });
  }

  /** 新增日程参与者 (doc 97716): at most 1,000 a call. */
  async addScheduleAttendees(scheduleId: string, userids: readonly string[]): Promise<EmptyResponse> {
    if (!scheduleId) throw new WeComValidationError('oa/schedule/add_attendees', 'schedule_id', 'is empty');
    if (userids.length === 0 || userids.length > SCHEDULE_ATTENDEES_MAX) throw new WeComValidationError('oa/schedule/add_attendees', 'attendees', `must be 1 to ${SCHEDULE_ATTENDEES_MAX} members`);
    return this.call('oa/schedule/add_attendees', { json: { schedule_id: scheduleId, attendees: userids.map((userid) => ({ userid })) } });
  }

  /** 上传临时素材 (doc 90253): a file (more than 5 bytes, at most 20 MB) → a media_id valid for 3 days. */
  async uploadMedia(type: MediaType, filename: string, content: Blob): Promise<UploadMediaResponse> {
    if (content.size <= 5) throw new WeComValidationError('media/upload', 'media', 'must be more than 5 bytes');
    if (content.size > MEDIA_MAX_BYTES[type]) throw new WeComValidationError('media/upload', 'media', `is over ${MEDIA_MAX_BYTES[type] / 1024 / 1024} MB`);
    const form = new FormData();
    // WeCom names the part "media"; the filename is what the member sees on the file message.
    form.append('media', content, filename);
    return this.call('media/upload', { query: { type }, form });
  }

  /** 更新模版卡片消息 (doc 94888): grey out the clicked button with a new label, or replace the whole card. */
  async updateTemplateCard(
    userids: string[],
    responseCode: string,
    update: { replaceName: string } | { card: TemplateCard },
  ): Promise<UpdateTemplateCardResponse> {
    const agentid = this.requireAgentid('message/update_template_card');
    if (!responseCode) throw new WeComValidationError('message/update_template_card', 'response_code', 'is empty');
    const change = 'card' in update ? { template_card: update.card } : { button: { replace_name: update.replaceName } };
    return this.call('message/update_template_card', {
      json: { userids, agentid, response_code: responseCode, ...change },
    });
  }

  /**
   * 智能机器人 主动回复 (doc 101138): one answer through a callback's response_url, which works once within an hour.
   * Only WeCom's aibot/response path is followed, sent to the configured base URL like every call (the same proxy
   * and timeouts; no access_token).
   */
  async respondToAibot(responseUrl: string, body: AibotResponseBody): Promise<EmptyResponse> {
    let url: URL;
    try {
      url = new URL(responseUrl);
    } catch {
      throw new WeComValidationError('aibot/response', 'response_url', 'is not a URL');
    }
    const code = url.searchParams.get('response_code');
    // WeCom's own origin, or the configured base (a relay in front of it); either way it is sent to the base URL.
    const origins = [WECOM_API_BASE_URL, new URL(this.options.baseURL).origin];
    if (!origins.includes(url.origin) || url.pathname !== '/cgi-bin/aibot/response' || !code) {
      throw new WeComValidationError('aibot/response', 'response_url', 'is not a WeCom aibot/response URL');
    }
    return this.call('aibot/response', { query: { response_code: code }, json: body });
  }

  /** WeCom's API server IPs (doc 92520): the cheapest call that proves the token works. */
  async getApiDomainIp(): Promise<ApiDomainIpResponse> {
    return this.call('get_api_domain_ip', {});
  }

  /** True when WeCom accepts the credentials and answers; false (never a throw) when it refuses or is unreachable. */
  async testConnection(): Promise<boolean> {
    return (await this.checkConnection()).ok;
  }

  /**
   * Like testConnection, with the time it took and, when it failed, the error that says why (a WeComProxyError
   * naming the proxy, a WeComApiError 60020 naming the address to trust, …) — this call's own, not the last in the
   * stats, which another call may have written meanwhile.
   */
  async checkConnection(): Promise<{ ok: true; ms: number } | { ok: false; ms: number; error: WeComError }> {
    const started = performance.now();
    try {
      await this.getApiDomainIp();
      return { ok: true, ms: Math.round(performance.now() - started) };
    } catch (error) {
      this.log.warn({ err: describeForLog(error) }, 'WeCom connection test failed');
      const wecomError = error instanceof WeComError ? error : new WeComError(String(error), 'get_api_domain_ip');
      return { ok: false, ms: Math.round(performance.now() - started), error: wecomError };
    }
  }

  /** Call counts, success rate, last error, token figures and per-endpoint latency since start. */
  getApiStats(): ApiStats {
    const endpoints = this.perf.snapshot();
    let totalCalls = 0;
    let errorCalls = 0;
    const apiCallTimes: Record<string, number> = {};
    for (const [name, e] of Object.entries(endpoints)) {
      totalCalls += e.calls;
      errorCalls += e.errors;
      apiCallTimes[name] = e.calls;
    }
    const successCalls = totalCalls - errorCalls;
    return {
      totalCalls,
      successCalls,
      errorCalls,
      successRate: totalCalls === 0 ? 1 : successCalls / totalCalls,
      lastError: this.lastError,
      lastErrorTime: this.lastErrorTime,
      apiCallTimes,
      tokenStats: this.tokens.stats(),
      endpoints,
    };
  }

  /** Writes getApiStats() as one structured log line. */
  logApiStats(): void {
    this.log.info({ apiStats: this.getApiStats() }, 'WeCom API stats');
  }

  private requireAgentid(endpoint: string): number {
    if (this.options.agentid === undefined) {
      throw new WeComValidationError(endpoint, 'agentid', 'is not set: pass { agentid } to new WeComApi()');
    }
    return this.options.agentid;
  }

  /** Token, retries, timing and errors for one logical call. */
  private async call<E extends Endpoint>(
    endpoint: E,
    input: CallInput,
    override: { idempotent?: boolean } = {},
  ): Promise<EndpointResponse<E>> {
    const spec = ENDPOINTS[endpoint];
    const idempotent = override.idempotent ?? spec.idempotent;
    const started = performance.now();
    let retries = 0;
    let refreshedToken = false;
    for (;;) {
      let token: string | undefined;
      try {
        token = (spec as { token?: false }).token === false ? undefined : await this.tokens.get();
        const query = token === undefined ? { ...input.query } : { ...input.query, access_token: token };
        const body = await send(this.transport, this.options.baseURL, { method: spec.method, endpoint, query, json: input.json, ...(input.form ? { form: input.form } : {}) }, this.secrets);
        const parsed = spec.schema.safeParse(body);
        if (!parsed.success) {
          throw new WeComBadResponseError(endpoint, 'answer does not match the documented fields', new Error(parsed.error.message), 200, true);
        }
        const ms = performance.now() - started;
        this.perf.record(endpoint, ms);
        this.options.onCall({ endpoint, ms, errcode: 0, retries });
        return parsed.data as EndpointResponse<E>;
      } catch (error) {
        // A failed gettoken under this call already had its own retries: do not multiply them.
        const fromThisEndpoint = error instanceof WeComError && error.endpoint === endpoint;
        // 40014/41001/42001: WeCom refused the token before doing anything, so one retry is safe for any call.
        if (fromThisEndpoint && error instanceof WeComApiError && isTokenErrcode(error.errcode) && token && !refreshedToken) {
          refreshedToken = true;
          await this.tokens.invalidate(token);
          continue;
        }
        const elapsedMs = performance.now() - started;
        const delay = fromThisEndpoint
          ? retryDelay(this.options.retry, error, { retries, elapsedMs, idempotent, random: this.options.random() })
          : null;
        if (delay === null) {
          this.fail(endpoint, error, elapsedMs, retries);
          throw error;
        }
        retries++;
        this.perf.recordRetry(endpoint);
        this.log.warn({ endpoint, retry: retries, delayMs: delay, err: describeForLog(error) }, 'WeCom call failed, retrying');
        await this.options.sleep(delay);
      }
    }
  }

  private fail(endpoint: string, error: unknown, elapsedMs: number, retries: number): void {
    const errcode = error instanceof WeComApiError ? error.errcode : null;
    this.perf.record(endpoint, elapsedMs, errcode ?? 'http');
    this.options.onCall({ endpoint, ms: elapsedMs, errcode: errcode ?? 'http', retries, error });
    this.lastError = { endpoint, errcode, errmsg: error instanceof WeComApiError ? error.errmsg : String((error as Error).message) };
    this.lastErrorTime = new Date(this.options.clock.now()).toISOString();
    this.log.error({ endpoint, err: describeForLog(error) }, 'WeCom call failed');
  }
}

/** The fields of an error worth logging; never the request (its URL holds the access_token). */
export function describeForLog(error: unknown): Record<string, unknown> {
  if (error instanceof WeComApiError) {
    return { type: error.name, endpoint: error.endpoint, errcode: error.errcode, errmsg: error.errmsg, hint: error.hint };
  }
  if (error instanceof WeComHttpError) {
    const where = error instanceof WeComProxyError ? { proxy: error.proxy } : { status: error.status };
    return { type: error.name, endpoint: error.endpoint, message: error.message, ...where, code: error.cause.code };
  }
  if (error instanceof Error) return { type: error.name, message: error.message };
  return { message: String(error) };
}

/** Attendees one schedule call takes. */
export const SCHEDULE_ATTENDEES_MAX = 1000;
/** Schedules one app may create a day (docs/wecom-protocol.md §3b). */
export const SCHEDULES_PER_DAY = 20_000;

/** WeCom's limits on a schedule's fields, checked before calling (docs/wecom-protocol.md §3b). */
function checkSchedule(endpoint: string, s: Partial<ScheduleFields>): void {
  if (s.start_time !== undefined && s.end_time !== undefined && s.end_time <= s.start_time) throw new WeComValidationError(endpoint, 'end_time', 'must be after start_time');
  if (s.summary !== undefined && [...s.summary].length > 128) throw new WeComValidationError(endpoint, 'summary', 'is over 128 characters');
  if (s.description !== undefined && [...s.description].length > 512) throw new WeComValidationError(endpoint, 'description', 'is over 512 characters');
  if ((s.attendees?.length ?? 0) > SCHEDULE_ATTENDEES_MAX) throw new WeComValidationError(endpoint, 'attendees', `is over ${SCHEDULE_ATTENDEES_MAX} members`);
  const before = s.reminders?.remind_before_event_secs;
  if (before !== undefined && !(SCHEDULE_REMINDERS as readonly number[]).includes(before)) throw new WeComValidationError(endpoint, 'remind_before_event_secs', 'must be 0, 300, 900, 3600 or 86400');
}
