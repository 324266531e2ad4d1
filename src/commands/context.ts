/** What every command handler gets: one context, and it answers with replies (it never sends them itself). */
import type { Logger } from '../log.js';
import { sameUser } from '../userid.js';
import type { Reply } from '../replies/reply.js';
import type { DeploymentStats } from '../wecom/api-stats.js';
import type { WeComApi } from '../wecom/client.js';
import type { LivingType } from '../wecom/types.js';
import type { Journal } from './journal.js';
import type { MemberNames } from './names.js';
import type { Audiences } from '../audience/audiences.js';
import type { LiveCalendar } from '../calendar/live-calendar.js';
import type { ExpiringStore } from '../expiring.js';
import type { SeriesStore } from '../series/store.js';

export type { DeploymentStats };

export interface CommandSettings {
  timezone: string;
  adminUserids: readonly string[];
  defaultDurationSeconds: number;
  defaultLiveType: LivingType;
  /** remind_time of a live whose message names no reminder (WECOM_DEFAULT_REMIND_MINUTES). */
  defaultRemindSeconds: number;
}

export interface CommandContext {
  /** The member who sent the message or clicked the button. */
  user: string;
  api: WeComApi;
  /** ms since the epoch. */
  now: () => number;
  settings: CommandSettings;
  log: Logger;
  /** Set when the command came from a card button: the clicked card and the code that updates it. */
  click?: { responseCode: string; taskId: string };
  /** What earlier runs of this message did (a message can run again after an instance died). */
  journal: Journal;
  /** The API figures of the deployment, for 统计. */
  deploymentStats: () => Promise<DeploymentStats>;
  /** Sends `reply` to another member as well, with the command's answer (the anchor of a live an admin changed). */
  tell(userid: string, reply: Reply): void;
  /** Sends `reply` to the sender now, before the command finishes (正在生成… for a long export). */
  sayNow(reply: Reply): Promise<void>;
  /** Members' names, cached. */
  names: MemberNames;
  /** Invited audiences: invitations, completion, nudges. */
  audiences: Audiences;
  /** Lives' calendar entries (日程). */
  calendar: LiveCalendar;
  /** Series of lives, by series ID and by a session's livingid. */
  series: SeriesStore;
  /** Asks the sender `question`; their next message is read by this command's `resume` with `state`. */
  ask(question: string, state: unknown): Promise<Reply[]>;
  /** Remembers the live the sender just made, so 不对，改成4点 right after changes it. */
  remember(livingid: string): Promise<void>;
}

// WeCom answers userids in lower case, and admins may be configured in any case: compared in ASCII only.
export { sameUser };

/** True for members listed in WECOM_ADMIN_USERIDS. */
export const isAdmin = (ctx: CommandContext): boolean => ctx.settings.adminUserids.some((admin) => sameUser(admin, ctx.user));

/** The anchor of a live and the admins may read its watch stats and cancel it. */
export const canManage = (ctx: CommandContext, anchor: string): boolean => sameUser(ctx.user, anchor) || isAdmin(ctx);
