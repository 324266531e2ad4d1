/**
 * ErrorHandler: the one place that knows what each WeCom errcode means and what the client does about it.
 * Codes and actions from docs/wecom-protocol.md §2 and WeCom's 全局错误码 page.
 */

/** What the client does with an errcode. */
export type ErrorKind =
  | 'retry' // WeCom is busy or throttling: back off and try again
  | 'refresh-token' // the access_token is invalid: fetch a new one once, retry once
  | 'configuration' // corpid / secret / deployment is wrong: fail loudly, an admin must act
  | 'permission' // the app or the caller lacks a right: fail, explain
  | 'user-error' // the request itself is wrong (unknown user, bad livingid, …): fail, explain to the user
  | 'unknown';

export interface ErrcodeDescription {
  kind: ErrorKind;
  /** A short Chinese explanation a user can read. */
  userMessage: string;
  /** What an admin should do, in WeCom's terms. */
  hint: string;
}

const CODES: Record<number, ErrcodeDescription> = {
  [-1]: { kind: 'retry', userMessage: '企业微信系统繁忙，请稍后再试', hint: 'WeCom is busy; retried with backoff' },
  40001: {
    kind: 'configuration',
    userMessage: '机器人配置有误（应用Secret无效），请联系管理员',
    hint: 'the app Secret is wrong: copy it again from 应用管理 → the app → Secret',
  },
  40013: {
    kind: 'configuration',
    userMessage: '机器人配置有误（企业ID无效），请联系管理员',
    hint: 'the corpid is wrong: copy 企业ID from 我的企业 → 企业信息',
  },
  40091: {
    kind: 'configuration',
    userMessage: '机器人配置有误（Secret不属于该企业），请联系管理员',
    hint: 'the Secret belongs to another corp: check WECOM_CORP_ID and WECOM_CORP_SECRET',
  },
  41004: {
    kind: 'configuration',
    userMessage: '机器人配置有误（缺少Secret），请联系管理员',
    hint: 'the Secret is missing: set WECOM_CORP_SECRET',
  },
  40014: { kind: 'refresh-token', userMessage: '访问凭证失效，请重试', hint: 'invalid access_token; refreshed once' },
  41001: { kind: 'refresh-token', userMessage: '访问凭证缺失，请重试', hint: 'access_token missing; refreshed once' },
  42001: { kind: 'refresh-token', userMessage: '访问凭证过期，请重试', hint: 'access_token expired; refreshed once' },
  45009: {
    kind: 'retry',
    userMessage: '调用太频繁，请稍后再试',
    hint: 'API frequency over limit (10,000/min, 150,000/hour per corp); retried with backoff',
  },
  45033: { kind: 'retry', userMessage: '企业微信繁忙，请稍后再试', hint: 'too many concurrent calls; retried with backoff' },
  48002: {
    kind: 'permission',
    userMessage: '应用没有直播接口权限，请联系管理员',
    hint: 'the app may not call this API: add it under 直播 → 可调用接口的应用 in the admin console',
  },
  60020: {
    kind: 'configuration',
    userMessage: '服务器IP不在企业可信IP中，请联系管理员',
    hint: "the server's IP is not in the app's 企业可信IP: add it under 应用管理 → the app → 企业可信IP",
  },
  60011: {
    kind: 'permission',
    userMessage: '应用对该成员没有权限（不在可见范围）',
    hint: "the member is outside the app's visible range (可见范围)",
  },
  60111: { kind: 'user-error', userMessage: '成员不存在', hint: 'the userid does not exist in this corp' },
  40058: { kind: 'user-error', userMessage: '参数不合法', hint: 'WeCom refused a parameter; see errmsg' },
  42014: { kind: 'user-error', userMessage: '卡片任务ID重复', hint: 'a template card task_id was reused' },
  42045: { kind: 'user-error', userMessage: '卡片跳转设置有误', hint: "the card's card_action is invalid" },
  81013: { kind: 'user-error', userMessage: '接收人无效', hint: 'touser names no valid member' },
};

const UNKNOWN: ErrcodeDescription = {
  kind: 'unknown',
  userMessage: '企业微信返回错误',
  hint: "see WeCom's 全局错误码 page for this errcode",
};

/** Classifies an errcode; `errmsg` refines codes WeCom reuses (40058 with a livingid means "no such live"). */
export function describeErrcode(errcode: number, errmsg = ''): ErrcodeDescription {
  if (errcode === 40058 && /livingid/i.test(errmsg)) {
    return { kind: 'user-error', userMessage: '直播不存在，请检查直播ID', hint: 'no live with this livingid' };
  }
  if (errcode === 40058 && /status|cancel/i.test(errmsg)) {
    return { kind: 'user-error', userMessage: '该直播当前状态不允许此操作', hint: errmsg };
  }
  return CODES[errcode] ?? UNKNOWN;
}

/** True for codes after which WeCom did nothing and asking again later can succeed. */
export function isRetryableErrcode(errcode: number): boolean {
  return describeErrcode(errcode).kind === 'retry';
}

/** True for codes that mean "this access_token is no good": refresh once, retry once. */
export function isTokenErrcode(errcode: number): boolean {
  return describeErrcode(errcode).kind === 'refresh-token';
}

/**
 * Codes that mean a request was refused before WeCom did anything, so even a non-idempotent call (living/create)
 * may be sent again: a frequency limit is checked before the work is done. -1 is not among them: "system busy"
 * does not say whether the live was created.
 */
export function isRejectedBeforeWork(errcode: number): boolean {
  return errcode === 45009 || errcode === 45033;
}
