/** 直播状态 as members read it (docs/wecom-protocol.md §3). */
export const STATUS_NAMES: Record<number, string> = { 0: '预约中', 1: '直播中', 2: '已结束', 3: '已过期', 4: '已取消' };
