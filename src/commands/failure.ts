/** How a failed command reads to the member: one short Chinese message, never a raw errcode alone. */
import { text, type Reply } from '../replies/reply.js';
import { describeErrcode } from '../wecom/error-handler.js';
import { WeComApiError, WeComHttpError, WeComValidationError } from '../wecom/errors.js';
import { FAILED_TEXT } from './help.js';

/** Each field the client checks before calling WeCom, and what it must be, in the member's words (the client's own reasons are English, for logs). */
const FIELD_RULES: Record<string, { name: string; rule: string }> = {
  theme: { name: '直播主题', rule: '不能为空，最多20个字、60个字节' },
  living_start: { name: '开始时间', rule: '需要是将来的时间' },
  living_duration: { name: '直播时长', rule: '需要在1分钟到24小时之间' },
  description: { name: '直播描述', rule: '最多100个字' },
  type: { name: '直播类型', rule: '需要是0到4之间的数字' },
  remind_time: { name: '提醒时间', rule: '需要是开播前的整分钟数' },
  livingid: { name: '直播ID', rule: '需要是「我的直播」里显示的ID' },
};

/** WeCom's errmsg without its boilerplate tail (", hint: […], from ip: …, more info at https://…"). */
const shortErrmsg = (errmsg: string): string => [...errmsg.split(/,\s*(?:hint|from ip|more info)/i)[0]!.trim()].slice(0, 60).join('');

/** The reply for `error` thrown while running `command`; `aboutTypedId`: the member typed the live's ID. */
export function failureReply(error: unknown, command: string, aboutTypedId = false): Reply {
  if (error instanceof WeComValidationError) {
    const field = FIELD_RULES[error.field] ?? { name: '直播信息', rule: '不符合企业微信的要求' };
    return text(`${field.name}${field.rule}，请修改后再试。`);
  }
  if (error instanceof WeComApiError) {
    const { kind, userMessage } = describeErrcode(error.errcode, error.errmsg);
    const checkId = aboutTypedId && (kind === 'unknown' || kind === 'user-error') && !/直播ID/.test(userMessage) ? '请检查直播ID是否正确。' : '';
    if (kind === 'unknown') return text(`${userMessage}（错误码 ${error.errcode}：${shortErrmsg(error.errmsg)}）。${checkId}`);
    // Admins relay configuration and permission problems; the code tells them which one.
    const code = kind === 'configuration' || kind === 'permission' ? `（错误码 ${error.errcode}）` : '';
    return text(`${userMessage}${code}。${checkId}`);
  }
  if (error instanceof WeComHttpError) {
    if (command === 'create' && error.outcomeUnknown) {
      // living/create is not idempotent (docs/wecom-protocol.md §3): say so, and do not let the member create a second live blindly.
      return text('创建请求已发出，但没有收到企业微信的确认（网络超时）。直播可能已经创建：请先发送「我的直播」确认，不要重复创建。');
    }
    return text('暂时无法连接企业微信，请稍后再试。');
  }
  return text(FAILED_TEXT);
}
