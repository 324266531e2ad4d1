/**
 * A live's invited audience, from invitation to nudge (issue 21): names read against the directory, members resolved
 * (departments with those below them, tags, members), the invitation sent to each member once, the audience frozen
 * when the live starts, completion read from WeCom's watch stats, and a nudge to those who have not completed —
 * at most once a day per live. Messages go out through message/send, at most 1,000 members a call, within the app's
 * daily quota; what the quota holds back is counted and said, never dropped silently.
 */
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { userKey } from '../userid.js';
import type { WeComApi } from '../wecom/client.js';
import { WeComError } from '../wecom/errors.js';
import type { LivingInfo, MessageBody } from '../wecom/types.js';
import { wecomDay } from '../zone.js';
import { completionOf, type Completion } from './completion.js';
import { invitationNames, matchInvitation, type InvitationMatch } from './invitation.js';
import { MemorySendQuota, type SendQuota } from './quota.js';
import { resolveAudience } from './resolve.js';
import { AudienceStore, MemoryOnceClaims, type AudienceMember, type AudienceRecord, type InvitedPart } from './store.js';
import { MemoryExpiringStore } from '../expiring.js';
import { DirectoryNames } from './directory-names.js';

/** WECOM_COMPLETION_PERCENT and WECOM_DAILY_SEND_QUOTA when none is configured (config/defaults.json has the same). */
const DEFAULT_COMPLETION_PERCENT = 80;
const DEFAULT_DAILY_QUOTA = 100_000;
/** message/send takes at most 1,000 members a call. */
export const SEND_BATCH = 1000;
const DAY_MS = 24 * 3_600_000;

export interface AudienceSettings {
  timezone: string;
  /** The share of the live's actual length a member must watch to have completed it. */
  completionPercent: number;
}

export interface AudienceDeps {
  api: WeComApi;
  store: AudienceStore;
  directory: DirectoryNames;
  quota: SendQuota;
  clock: Clock;
  settings: AudienceSettings;
  log: Logger;
}

/** What a send to many members came to. */
export interface SendOutcome {
  /** Members WeCom took the message for. */
  sent: number;
  /** Members WeCom refused (invaliduser: left the company, outside the range). */
  refused: number;
  /** Members the day's quota held back. */
  heldBack: number;
  /** Members of batches WeCom failed (the error of the first is kept). */
  failed: number;
  error?: WeComError;
  /** The members WeCom answered for (sent or refused): the rest were not sent. */
  answered: string[];
}

export interface InviteOutcome extends SendOutcome {
  record: AudienceRecord;
  /** Members invited by this call (not invited before). */
  added: number;
}

export type NudgeOutcome =
  | { nudged: SendOutcome & { completion: Completion } }
  | { already: { at: number; sent: number } }
  | { unverified: true }
  | { nobody: Completion };

/** A live as the invitation needs it. */
export type InvitedLive = Pick<LivingInfo, 'theme' | 'living_start'> & { livingid: string };

export class Audiences {
  constructor(private readonly deps: AudienceDeps) {}

  /** Audiences kept in this process, with WeCom's default quota and completion rule (tests, and a bot built without stores). */
  static inMemory(api: WeComApi, clock: Clock, timezone: string, log: Logger): Audiences {
    return new Audiences({
      api,
      store: new AudienceStore(new MemoryExpiringStore<AudienceRecord>(clock), new MemoryOnceClaims(clock)),
      directory: new DirectoryNames(api, clock),
      quota: new MemorySendQuota(DEFAULT_DAILY_QUOTA),
      clock,
      settings: { timezone, completionPercent: DEFAULT_COMPLETION_PERCENT },
      log,
    });
  }

  /** The names in `words` matched against the directory: the parts, or what is wrong with them. */
  match(words: string): Promise<InvitationMatch> {
    return matchInvitation(invitationNames(words), this.deps.directory);
  }

  /** The share of a live's actual length a member must watch (WECOM_COMPLETION_PERCENT). */
  get completionPercent(): number {
    return this.deps.settings.completionPercent;
  }

  /** The audience invited to `livingid`, if any. */
  get(livingid: string): Promise<AudienceRecord | undefined> {
    return this.deps.store.get(livingid);
  }

  /**
   * Adds `parts` to the live's audience and sends `invitation` to every member it did not reach before. A frozen
   * audience (the live has started) takes the new members in too: they were invited after the start.
   */
  async invite(live: InvitedLive, parts: readonly InvitedPart[], invitation: MessageBody | undefined): Promise<InviteOutcome> {
    const before = await this.deps.store.get(live.livingid);
    const allParts = mergeParts(before?.parts ?? [], parts);
    const resolved = await this.resolve(allParts);
    const known = new Set((before?.members ?? []).map((m) => userKey(m.userid)));
    const added = resolved.members.filter((m) => !known.has(userKey(m.userid)));
    const members = [...(before?.members ?? []), ...added];
    // Everyone not reached yet: the new members, and those the quota or a failure held back last time.
    const reached = new Set(before?.invitedKeys ?? []);
    const recordOf = (outcome: SendOutcome): AudienceRecord => ({
      livingid: live.livingid,
      theme: live.theme,
      parts: allParts,
      members,
      outside: resolved.outside,
      unknown: resolved.unknown,
      ...(before?.frozenAt !== undefined ? { frozenAt: before.frozenAt } : {}),
      invited: {
        sent: (before?.invited.sent ?? 0) + outcome.sent,
        refused: (before?.invited.refused ?? 0) + outcome.refused,
        heldBack: outcome.heldBack + outcome.failed,
        at: this.deps.clock.now(),
      },
      invitedKeys: [...reached, ...outcome.answered.map(userKey)],
      nudges: before?.nudges ?? [],
    });
    // Without an invitation (the live has ended) the audience is only recorded, for completion and nudges. Who was
    // reached is stored after every batch: a run that dies mid-send and is run again sends to the rest only.
    const targets = members.filter((m) => !reached.has(userKey(m.userid))).map((m) => m.userid);
    const outcome = invitation ? await this.send(targets, invitation, (sofar) => this.deps.store.put(recordOf(sofar))) : NOTHING_SENT;
    const record = recordOf(outcome);
    await this.deps.store.put(record);
    this.deps.log.info({ livingid: live.livingid, invited: members.length, added: added.length, sent: outcome.sent, heldBack: outcome.heldBack }, 'audience invited');
    return { ...outcome, record, added: added.length };
  }

  /**
   * Invites `parts` to every session of a series with one message (a member gets one invitation for the course, not
   * one per session); every session records the same audience, so completion and nudges work session by session.
   */
  async inviteSeries(lives: readonly InvitedLive[], parts: readonly InvitedPart[], invitation: MessageBody): Promise<InviteOutcome> {
    const outcome = await this.invite(lives[0]!, parts, invitation);
    for (const live of lives.slice(1)) {
      // A run finishing after a crash finds the sessions it recorded already.
      if (await this.deps.store.get(live.livingid)) continue;
      await this.deps.store.put({ ...outcome.record, livingid: live.livingid, theme: live.theme, nudges: [] });
    }
    return outcome;
  }

  /** Freezes the audience as the directory has it now (the live started): who was in 销售部 then stays invited. */
  async freeze(livingid: string): Promise<AudienceRecord | undefined> {
    const record = await this.deps.store.get(livingid);
    if (!record || record.frozenAt !== undefined) return record;
    const resolved = await this.resolve(record.parts);
    const byKey = new Map(record.members.map((m) => [userKey(m.userid), m]));
    for (const m of resolved.members) byKey.set(userKey(m.userid), m);
    // Members invited one by one stay; those who left a department before the start leave the audience.
    const current = new Set(resolved.members.map((m) => userKey(m.userid)));
    const named = new Set(record.parts.filter((p) => p.kind === 'member').map((p) => userKey(p.id)));
    const members = [...byKey.values()].filter((m) => current.has(userKey(m.userid)) || named.has(userKey(m.userid)));
    const frozen: AudienceRecord = { ...record, members, outside: resolved.outside, unknown: resolved.unknown, frozenAt: this.deps.clock.now() };
    await this.deps.store.put(frozen);
    return frozen;
  }

  /** Completion of the live's audience so far; undefined when it has no audience. */
  async completion(
    livingid: string,
    live: Pick<LivingInfo, 'status' | 'living_start' | 'living_duration'>,
    /** Each member's watch seconds by userKey, when the caller has read them already (the workbook). */
    known?: ReadonlyMap<string, number>,
  ): Promise<{ record: AudienceRecord; completion: Completion } | undefined> {
    const record = live.status >= 1 ? await this.freeze(livingid) : await this.deps.store.get(livingid);
    if (!record) return undefined;
    const watched = known ?? (await this.watched(livingid));
    const names = await this.deps.directory.departments().catch(() => new Map<number, { name: string }>());
    // On air: the length so far; ended: WeCom's actual length.
    const length = live.status === 1 ? Math.max(60, Math.floor(this.deps.clock.now() / 1000) - live.living_start) : live.living_duration;
    const completion = completionOf(record.members, watched, length, this.deps.settings.completionPercent, (id) => names.get(id)?.name ?? `部门${id}`);
    return { record, completion };
  }

  /** Each member's watch seconds from every page of the live's watch stats, by userKey. */
  private async watched(livingid: string): Promise<Map<string, number>> {
    const watched = new Map<string, number>();
    for await (const page of this.deps.api.allWatchStats(livingid)) addWatched(watched, page.users);
    return watched;
  }

  /** Sends `reminder` to every invited member who has not completed the live, once a day per live at most. */
  async nudge(livingid: string, live: Pick<LivingInfo, 'status' | 'living_start' | 'living_duration'>, reminder: (completion: Completion) => MessageBody): Promise<NudgeOutcome | undefined> {
    const read = await this.completion(livingid, live);
    if (!read) return undefined;
    const { record, completion } = read;
    const pending = completion.members.filter((m) => m.state !== 'completed');
    if (pending.length === 0) return { nobody: completion };
    const claim = await this.deps.store.claims.claim(`nudge:${livingid}:${this.day()}`, DAY_MS);
    if (claim === 'unverified') return { unverified: true };
    if (claim === 'taken') return { already: record.nudges.at(-1) ?? { at: this.deps.clock.now(), sent: 0 } };
    const outcome = await this.send(pending.map((m) => m.userid), reminder(completion));
    await this.deps.store.put({ ...record, nudges: [...record.nudges, { at: this.deps.clock.now(), sent: outcome.sent }] });
    this.deps.log.info({ livingid, pending: pending.length, sent: outcome.sent, heldBack: outcome.heldBack }, 'audience nudged');
    return { nudged: { ...outcome, completion } };
  }

  /** The company's calendar day (the quota and the once-a-day nudge count by it). */
  private day(): string {
    return wecomDay(this.deps.clock.now());
  }

  private async resolve(parts: readonly InvitedPart[]): Promise<{ members: AudienceMember[]; outside: string[]; unknown: string[] }> {
    const spec = {
      departments: parts.filter((p) => p.kind === 'department').map((p) => Number(p.id)),
      tags: parts.filter((p) => p.kind === 'tag').map((p) => Number(p.id)),
      userids: parts.filter((p) => p.kind === 'member').map((p) => p.id),
    };
    const audience = await resolveAudience(this.deps.api, spec);
    const label = (what: string) => parts.find((p) => `${p.kind === 'department' ? '部门' : p.kind === 'tag' ? '标签' : ''} ${p.id}`.trim() === what || p.id === what)?.label ?? what;
    return { members: [...audience.members.values()], outside: audience.outside.map(label), unknown: audience.unknown.map(label) };
  }

  /** Sends `body` to `userids`, 1,000 a call, within the day's quota; `progress` hears after every batch WeCom took. */
  private async send(userids: readonly string[], body: MessageBody, progress?: (sofar: SendOutcome) => Promise<void>): Promise<SendOutcome> {
    const outcome: SendOutcome = { sent: 0, refused: 0, heldBack: 0, failed: 0, answered: [] };
    for (let i = 0; i < userids.length; i += SEND_BATCH) {
      const batch = userids.slice(i, i + SEND_BATCH);
      const granted = await this.deps.quota.take(batch.length, this.day());
      outcome.heldBack += batch.length - granted;
      if (granted === 0) continue;
      try {
        const to = batch.slice(0, granted);
        const answer = await this.deps.api.sendMessage(to, batchOf(body, i / SEND_BATCH));
        const refused = answer.invaliduser ? answer.invaliduser.split('|').filter(Boolean).length : 0;
        outcome.refused += refused;
        outcome.sent += granted - refused;
        outcome.answered.push(...to);
        await progress?.(outcome);
      } catch (error) {
        if (!(error instanceof WeComError)) throw error;
        outcome.failed += granted;
        outcome.error ??= error;
      }
    }
    return outcome;
  }
}

const NOTHING_SENT: SendOutcome = { sent: 0, refused: 0, heldBack: 0, failed: 0, answered: [] };

/** The message for the `n`-th batch: a card's task_id must be new on every send (WeCom refuses a reused one, 42014). */
function batchOf(body: MessageBody, n: number): MessageBody {
  if (n === 0 || body.msgtype !== 'template_card') return body;
  return { ...body, template_card: { ...body.template_card, task_id: `${body.template_card.task_id}-${n}` } };
}

/** Adds a page's members to `watched` (userKey → seconds). */
export function addWatched(watched: Map<string, number>, users: ReadonlyArray<{ userid: string; watch_time: number }>): void {
  for (const u of users) watched.set(userKey(u.userid), (watched.get(userKey(u.userid)) ?? 0) + u.watch_time);
}

/** `before` with `added`, each part once. */
function mergeParts(before: readonly InvitedPart[], added: readonly InvitedPart[]): InvitedPart[] {
  const key = (p: InvitedPart) => `${p.kind}:${userKey(p.id)}`;
  const seen = new Set(before.map(key));
  return [...before, ...added.filter((p) => !seen.has(key(p)) && seen.add(key(p)))];
}
