/** 直播状态 as members read it (docs/wecom-protocol.md §3). */
export const STATUS_NAMES: Record<number, string> = { 0: '预约中', 1: '直播中', 2: '已结束', 3: '已过期', 4: '已取消' };

/** Why a live cannot be changed or cancelled any more (`verb`: 修改, 取消): 这场直播已开始，只能… */
export const onlyUpcoming = (status: number, verb: string): string =>
  `这场直播${status === 1 ? '已开始' : (STATUS_NAMES[status] ?? '不是预约中')}，只能${verb}预约中（尚未开始）的直播。`;
