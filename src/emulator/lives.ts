/**
 * The emulator's lives and their state machine (docs/wecom-protocol.md §3): 预约中 → 直播中 → 已结束 by the emulator's clock,
 * 已过期 when the anchor never started, 已取消 after a cancel. Paging works as WeCom's does.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { ExternalWatchUser, LivingInfo, LivingStatus, LivingType, WatchUser } from '../wecom/types.js';
import { charLength, DESCRIPTION_MAX_CHARS, THEME_MAX_BYTES, THEME_MAX_CHARS } from '../wecom/validate.js';
import { invalidParam } from './wecom-error.js';

export interface EmulatedLive {
  livingid: string;
  anchor_userid: string;
  theme: string;
  living_start: number;
  living_duration: number;
  reserve_start: number;
  reserve_living_duration: number;
  type: LivingType;
  description: string;
  remind_time: number;
  createdAt: number;
  cancelled: boolean;
  /** The anchor never starts it: 已过期 once its start has passed. */
  noShow: boolean;
  users: WatchUser[];
  externalUsers: ExternalWatchUser[];
  commentNum: number;
  micNum: number;
  replayDeleted: boolean;
}

export interface CreateFields {
  anchor_userid?: unknown;
  theme?: unknown;
  living_start?: unknown;
  living_duration?: unknown;
  type?: unknown;
  description?: unknown;
  remind_time?: unknown;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export class EmulatedLives {
  private readonly byId = new Map<string, EmulatedLive>();
  /** Rows per get_watch_stat page; WeCom's real size is not documented, small values exercise paging. */
  watchStatPageSize = 100;

  constructor(private readonly clock: Clock) {}

  /** living/create with WeCom's checks. */
  create(f: CreateFields): EmulatedLive {
    if (typeof f.anchor_userid !== 'string' || f.anchor_userid === '') throw invalidParam('anchor_userid');
    const checked = this.check(f);
    const live: EmulatedLive = {
      livingid: `lv${randomBytes(22).toString('base64url')}`,
      anchor_userid: f.anchor_userid,
      ...checked,
      reserve_start: checked.living_start,
      reserve_living_duration: checked.living_duration,
      createdAt: this.clock.now(),
      cancelled: false,
      noShow: false,
      users: [],
      externalUsers: [],
      commentNum: 0,
      micNum: 0,
      replayDeleted: false,
    };
    this.byId.set(live.livingid, live);
    return live;
  }

  /** The fields create and modify share, checked as WeCom checks them. */
  private check(f: CreateFields) {
    const theme = f.theme;
    if (typeof theme !== 'string' || theme === '' || charLength(theme) > THEME_MAX_CHARS || Buffer.byteLength(theme) > THEME_MAX_BYTES) {
      throw invalidParam('theme');
    }
    if (!isInt(f.living_start) || f.living_start * 1000 <= this.clock.now()) throw invalidParam('living_start');
    if (!isInt(f.living_duration) || f.living_duration <= 0) throw invalidParam('living_duration');
    const type = f.type ?? 0;
    if (!isInt(type) || type < 0 || type > 4) throw invalidParam('type');
    const description = f.description ?? '';
    if (typeof description !== 'string' || charLength(description) > DESCRIPTION_MAX_CHARS) throw invalidParam('description');
    const remind = f.remind_time ?? 0;
    if (!isInt(remind) || remind < 0) throw invalidParam('remind_time');
    return { theme, living_start: f.living_start, living_duration: f.living_duration, type: type as LivingType, description, remind_time: remind };
  }
  /** The live, or WeCom's "invalid livingid". */
  get(livingid: unknown): EmulatedLive {
    const live = typeof livingid === 'string' ? this.byId.get(livingid) : undefined;
    if (!live) throw invalidParam('livingid');
    return live;
  }

  /** Every live, newest first. */
  all(): EmulatedLive[] {
    return [...this.byId.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  status(live: EmulatedLive): LivingStatus {
    if (live.cancelled) return 4;
    const now = this.clock.now() / 1000;
    if (now < live.living_start) return 0;
    if (live.noShow) return 3;
    return now < live.living_start + live.living_duration ? 1 : 2;
  }

  /** living/modify: only while 预约中. */
  modify(livingid: unknown, f: CreateFields): void {
    const live = this.get(livingid);
    if (this.status(live) !== 0) throw invalidParam('living status: only a reserved live can be modified');
    const given = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
    Object.assign(live, this.check({ ...live, ...given }));
  }

  /** living/cancel: only while 预约中. */
  cancel(livingid: unknown): void {
    const live = this.get(livingid);
    if (this.status(live) !== 0) throw invalidParam('living status: only a reserved live can be cancelled');
    live.cancelled = true;
  }

  /** living/delete_replay_data: only once the live has ended. */
  deleteReplay(livingid: unknown): void {
    const live = this.get(livingid);
    if (this.status(live) !== 2) throw invalidParam('living status: the live has no replay');
    live.replayDeleted = true;
  }

  info(live: EmulatedLive): LivingInfo {
    const status = this.status(live);
    return {
      theme: live.theme,
      living_start: live.living_start,
      living_duration: live.living_duration,
      status,
      reserve_start: live.reserve_start,
      reserve_living_duration: live.reserve_living_duration,
      description: live.description,
      anchor_userid: live.anchor_userid,
      main_department: 1,
      viewer_num: live.users.length + live.externalUsers.length,
      comment_num: live.commentNum,
      mic_num: live.micNum,
      open_replay: 1,
      replay_status: live.replayDeleted ? 2 : status === 2 ? 0 : 1,
      type: live.type,
      ...(live.type === 4 && status === 0 ? { push_stream_url: `rtmp://emulator.invalid/live/${live.livingid}` } : {}),
      online_count: status === 1 ? live.users.length + live.externalUsers.length : 0,
      subscribe_count: 0,
    };
  }

  /** get_user_all_livingid: the anchor's lives, newest first; the cursor is the offset as a string. */
  listFor(userid: unknown, cursor: unknown, limit: unknown): { next_cursor: string; livingid_list: string[] } {
    if (typeof userid !== 'string' || userid === '') throw invalidParam('userid');
    const size = limit === undefined ? 100 : limit;
    if (!isInt(size) || size < 1 || size > 100) throw invalidParam('limit');
    const offset = cursor === undefined || cursor === '' ? 0 : Number(cursor);
    if (!Number.isInteger(offset) || offset < 0) throw invalidParam('cursor');
    const ids = this.all()
      .filter((l) => l.anchor_userid === userid)
      .map((l) => l.livingid);
    const page = ids.slice(offset, offset + size);
    const next = offset + size < ids.length ? String(offset + size) : '';
    return { next_cursor: next, livingid_list: page };
  }

  /** get_watch_stat: members first, then external viewers, `watchStatPageSize` rows a page. */
  watchStat(livingid: unknown, nextKey: unknown) {
    const live = this.get(livingid);
    const offset = nextKey === undefined || nextKey === '' ? 0 : Number(nextKey);
    if (!Number.isInteger(offset) || offset < 0) throw invalidParam('next_key');
    const rows: Array<WatchUser | ExternalWatchUser> = [...live.users, ...live.externalUsers];
    const page = rows.slice(offset, offset + this.watchStatPageSize);
    const end = offset + this.watchStatPageSize >= rows.length;
    return {
      ending: end ? 1 : 0,
      next_key: end ? '' : String(offset + this.watchStatPageSize),
      stat_info: {
        users: page.filter((r): r is WatchUser => 'userid' in r),
        external_users: page.filter((r): r is ExternalWatchUser => 'external_userid' in r),
      },
    };
  }

  /** Knob: adds viewers to a live (for watch stats and viewer_num). */
  addViewers(livingid: string, users: WatchUser[], externalUsers: ExternalWatchUser[] = []): void {
    const live = this.get(livingid);
    live.users.push(...users);
    live.externalUsers.push(...externalUsers);
    live.commentNum += [...users, ...externalUsers].filter((u) => u.is_comment).length;
    live.micNum += [...users, ...externalUsers].filter((u) => u.is_mic).length;
  }

  /** Knob: `userid` watched `seconds` more (of the replay): WeCom's row for them grows, or one is added. */
  watchMore(livingid: string, userid: string, seconds: number): void {
    const live = this.get(livingid);
    const row = live.users.find((u) => u.userid === userid);
    if (row) row.watch_time += seconds;
    else live.users.push({ userid, watch_time: seconds, is_comment: 0, is_mic: 0 });
  }

  /** Knob: the anchor will not start this live, so it becomes 已过期 after its start. */
  markNoShow(livingid: string): void {
    this.get(livingid).noShow = true;
  }

  /** How many lives exist. */
  get size(): number {
    return this.byId.size;
  }
}
