/** The card of 统计 (admins): the headline is the success rate of the bot's WeCom calls. */
import type { ApiStats } from '../wecom/api-stats.js';
import type { TemplateCard } from '../wecom/types.js';
import { formatTime } from '../zone.js';
import { buttonKey } from './button-key.js';
import { describeErrcode } from '../wecom/error-handler.js';
import { checkCard, clip, SOURCE } from './limits.js';

/** `99.5%`: one decimal, no trailing ".0" for whole numbers. */
export const percent = (rate: number): string => `${Number((rate * 100).toFixed(1))}%`;

/** `get_living_info` for `living/get_living_info`: every WeCom endpoint's last part fits a row with its figures. */
const shortName = (endpoint: string): string => endpoint.split('/').pop() ?? endpoint;

/** One instance's line on the card of a scaled-out deployment. */
export interface InstanceLine {
  name: string;
  calls: number;
  successRate: number;
}

/** Builds the API-stats card; `instances` lists each instance when there are several. */
export function buildApiStatsCard(stats: ApiStats, timezone: string, taskId: string, instances: InstanceLine[] = []): TemplateCard {
  const slowest = Object.entries(stats.endpoints)
    .filter(([name]) => name !== 'gettoken')
    .sort((a, b) => b[1].p95Ms - a[1].p95Ms)[0];
  const last = stats.lastError;
  // The row holds the code and the endpoint's short name (always within a row); what it meant goes under the title.
  const lastError = last ? `${last.errcode ?? 'HTTP'} · ${shortName(last.endpoint)}` : '无';
  const meaning = last ? `错误原因：${last.errcode == null ? `无法连接企业微信（${last.errmsg}）` : describeErrcode(last.errcode, last.errmsg).userMessage}` : '';
  const perInstance = instances.length > 1 ? instances.map((i) => `${i.name}：${i.calls}次 ${percent(i.successRate)}`).join('；') : '';
  const subTitle = [meaning, perInstance].filter(Boolean).join('。');
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: {
      title: '企业微信API统计',
      desc: instances.length > 1 ? `共${stats.totalCalls}次调用 · ${instances.length}个实例` : `共${stats.totalCalls}次调用`,
    },
    emphasis_content: { title: percent(stats.successRate), desc: '成功率' },
    ...(subTitle ? { sub_title_text: clip(subTitle, 160) } : {}),
    horizontal_content_list: [
      { keyname: '成功', value: `${stats.successCalls}次` },
      { keyname: '失败', value: `${stats.errorCalls}次` },
      { keyname: '最近错误', value: lastError },
      {
        keyname: '错误时间',
        value: stats.lastErrorTime ? formatTime(Date.parse(stats.lastErrorTime), timezone) : '无',
      },
      { keyname: '最慢接口', value: slowest ? `${shortName(slowest[0])} p95 ${Math.round(slowest[1].p95Ms)}ms` : '无' },
      { keyname: 'Token', value: `获取${stats.tokenStats.fetches}次 命中${stats.tokenStats.cacheHits}次` },
    ],
    task_id: taskId,
    button_list: [{ text: '刷新', style: 1, key: buttonKey('apistats') }],
  });
}
