/** The card of 完成情况: the completion rate, who completed, partly watched or did not watch, and by department. */
import type { Completion } from '../audience/completion.js';
import type { CardButton, TemplateCard } from '../wecom/types.js';
import { formatDuration, formatTime } from '../zone.js';
import { buttonKey } from './button-key.js';
import { checkCard, clip, SOURCE, TITLE_MAX } from './limits.js';

export interface CompletionCardInput {
  livingid: string;
  theme: string;
  completion: Completion;
  /** The live is still on air: the figures are so far. */
  onAir: boolean;
  /** When the last nudge went, if one did. */
  lastNudge?: { at: number; sent: number };
  timezone: string;
  taskId: string;
}

/** 销售部 8/12 · 研发部 30/31 …: as many departments as fit the card's subtitle. */
const SUBTITLE_MAX = 110;

/** `n/m` as a whole percentage. */
const percent = (n: number, of: number): string => (of === 0 ? '0%' : `${Math.floor((n * 100) / of)}%`);

/** Builds the completion card (button_interaction: 催看, 导出名单, 刷新). */
export function buildCompletionCard(input: CompletionCardInput): TemplateCard {
  const { completion: c } = input;
  const t = c.totals;
  let departments = '';
  for (const d of c.byDepartment) {
    const next = `${departments ? `${departments} · ` : ''}${d.name} ${d.completed}/${d.invited}`;
    if ([...next].length > SUBTITLE_MAX) break;
    departments = next;
  }
  const pending = t.invited - t.completed;
  const buttons: CardButton[] = [];
  // A nudge asks to watch the replay: not while the live is still on.
  if (pending > 0 && !input.onAir) buttons.push({ text: `催看（${pending}人）`, style: 1, key: buttonKey('nudge', input.livingid) });
  buttons.push({ text: '导出名单', style: 1, key: buttonKey('export', input.livingid) }, { text: '刷新', style: 1, key: buttonKey('completion', input.livingid) });
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: clip(input.theme, TITLE_MAX), desc: input.onAir ? '完成情况（直播中，截至现在）' : '完成情况' },
    emphasis_content: { title: percent(t.completed, t.invited), desc: `完成率（${t.completed}/${t.invited}人）` },
    ...(departments ? { sub_title_text: `按部门完成：${departments}` } : {}),
    horizontal_content_list: [
      { keyname: '邀请', value: `${t.invited}人` },
      { keyname: '已完成', value: `${t.completed}人` },
      { keyname: '部分观看', value: `${t.partly}人` },
      { keyname: '未观看', value: `${t.none}人` },
      { keyname: '完成标准', value: `观看满${formatDuration(c.requiredSeconds)}` },
      input.lastNudge
        ? { keyname: '上次催看', value: `${formatTime(input.lastNudge.at, input.timezone)} ${input.lastNudge.sent}人` }
        : { keyname: '未邀请观众', value: `${c.uninvitedViewers}人` },
    ],
    task_id: input.taskId,
    button_list: buttons,
  });
}
