/**
 * Types for every WeCom request and response the client uses, with WeCom's own snake_case field names.
 * Responses are zod schemas: WeCom's JSON is `unknown` until one of these has parsed it.
 * Reference: docs/wecom-protocol.md §2–4 and WeCom's 服务端API pages named on each method of WeComApi.
 */
import { z } from 'zod';

/** The envelope every WeCom answer has; `errcode` 0 means success. */
export const envelopeSchema = z.looseObject({
  errcode: z.number().int(),
  errmsg: z.string().default(''),
});

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** 直播类型: 0 通用直播, 1 小班课, 2 大班课, 3 企业培训, 4 活动直播. */
export type LivingType = 0 | 1 | 2 | 3 | 4;

/** 直播状态: 0 预约中, 1 直播中, 2 已结束, 3 已过期, 4 已取消. */
export type LivingStatus = 0 | 1 | 2 | 3 | 4;

export interface CreateLivingRequest {
  anchor_userid: string;
  theme: string;
  living_start: number;
  living_duration: number;
  type: LivingType;
  description?: string;
  remind_time?: number;
}

export const createLivingResponseSchema = z.looseObject({ livingid: z.string().min(1) });
export type CreateLivingResponse = z.infer<typeof createLivingResponseSchema>;

export interface ModifyLivingRequest {
  livingid: string;
  theme?: string;
  living_start?: number;
  living_duration?: number;
  description?: string;
  type?: LivingType;
  remind_time?: number;
}

export const livingInfoSchema = z.looseObject({
  theme: z.string(),
  living_start: z.number().int(),
  living_duration: z.number().int(),
  status: z.number().int().min(0).max(4),
  reserve_start: z.number().int().optional(),
  reserve_living_duration: z.number().int().optional(),
  description: z.string().optional(),
  anchor_userid: z.string(),
  main_department: z.number().int().optional(),
  viewer_num: z.number().int().default(0),
  comment_num: z.number().int().default(0),
  mic_num: z.number().int().default(0),
  open_replay: z.number().int().optional(),
  replay_status: z.number().int().optional(),
  type: z.number().int().min(0).max(4),
  push_stream_url: z.string().optional(),
  online_count: z.number().int().optional(),
  subscribe_count: z.number().int().optional(),
});
// An intersection, not Omit: Omit over a loose object (it has an index signature) would erase the known keys.
export type LivingInfo = z.infer<typeof livingInfoSchema> & {
  status: LivingStatus;
  type: LivingType;
};
export const livingInfoResponseSchema = z.looseObject({ living_info: livingInfoSchema });
export interface LivingInfoResponse {
  living_info: LivingInfo;
}

export const userLivingidsResponseSchema = z.looseObject({
  next_cursor: z.string().default(''),
  livingid_list: z.array(z.string()).default([]),
});
export type UserLivingidsResponse = z.infer<typeof userLivingidsResponseSchema>;

export const watchUserSchema = z.looseObject({
  userid: z.string(),
  watch_time: z.number().int(),
  is_comment: z.number().int(),
  is_mic: z.number().int(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type WatchUser = z.infer<typeof watchUserSchema>;

export const externalWatchUserSchema = z.looseObject({
  external_userid: z.string(),
  type: z.number().int(),
  name: z.string().default(''),
  watch_time: z.number().int(),
  is_comment: z.number().int(),
  is_mic: z.number().int(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type ExternalWatchUser = z.infer<typeof externalWatchUserSchema>;

export const watchStatResponseSchema = z.looseObject({
  ending: z.number().int(),
  next_key: z.string().default(''),
  stat_info: z
    .looseObject({
      users: z.array(watchUserSchema).default([]),
      external_users: z.array(externalWatchUserSchema).default([]),
    })
    .default({ users: [], external_users: [] }),
});
export type WatchStatResponse = z.infer<typeof watchStatResponseSchema>;

export const livingCodeResponseSchema = z.looseObject({ living_code: z.string() });
export type LivingCodeResponse = z.infer<typeof livingCodeResponseSchema>;

export const livingShareInfoResponseSchema = z.looseObject({
  livingid: z.string(),
  viewer_userid: z.string().optional(),
  viewer_external_userid: z.string().optional(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type LivingShareInfoResponse = z.infer<typeof livingShareInfoResponseSchema>;

export const apiDomainIpResponseSchema = z.looseObject({ ip_list: z.array(z.string()).default([]) });
export type ApiDomainIpResponse = z.infer<typeof apiDomainIpResponseSchema>;

/** A response that carries nothing but the envelope. */
export const emptyResponseSchema = z.looseObject({});
export type EmptyResponse = z.infer<typeof emptyResponseSchema>;

// ---- message/send and message/update_template_card (docs/wecom-protocol.md §4) ----

export interface CardSource {
  icon_url?: string;
  desc?: string;
  desc_color?: 0 | 1 | 2 | 3;
}
export interface CardTitle {
  title?: string;
  desc?: string;
}
export interface CardHorizontalItem {
  keyname: string;
  value?: string;
  type?: 1 | 3;
  url?: string;
  userid?: string;
}
export interface CardJump {
  type?: 0 | 1 | 2;
  title: string;
  url?: string;
}
export interface CardButton {
  text: string;
  style?: 1 | 2 | 3 | 4;
  key?: string;
  type?: 0 | 1;
  url?: string;
}
export interface TemplateCard {
  card_type: 'text_notice' | 'button_interaction';
  source?: CardSource;
  main_title: CardTitle;
  emphasis_content?: CardTitle;
  sub_title_text?: string;
  horizontal_content_list?: CardHorizontalItem[];
  jump_list?: CardJump[];
  card_action?: { type: 0 | 1 | 2; url?: string };
  task_id?: string;
  button_list?: CardButton[];
  replace_text?: string;
}

export type MessageBody =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: TemplateCard }
  | { msgtype: 'file'; file: { media_id: string } };

/** What a 智能机器人's response_url takes (docs/wecom-aibot-protocol.md §6): markdown, or a card in a single chat. */
export type AibotResponseBody =
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: TemplateCard };

export type SendMessageRequest = MessageBody & {
  touser: string;
  agentid: number;
  enable_duplicate_check?: 0 | 1;
  duplicate_check_interval?: number;
};

export const sendMessageResponseSchema = z.looseObject({
  invaliduser: z.string().optional(),
  invalidparty: z.string().optional(),
  invalidtag: z.string().optional(),
  unlicenseduser: z.string().optional(),
  msgid: z.string().optional(),
  response_code: z.string().optional(),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;

export type UpdateTemplateCardRequest = {
  userids: string[];
  agentid: number;
  response_code: string;
} & ({ button: { replace_name: string } } | { template_card: TemplateCard });

export const updateTemplateCardResponseSchema = z.looseObject({ invaliduser: z.array(z.string()).optional() });
export type UpdateTemplateCardResponse = z.infer<typeof updateTemplateCardResponseSchema>;

// ---- user/get and media/upload ----

/** 读取成员: what the bot needs of a member (WeCom answers many more fields). */
export const userResponseSchema = z.looseObject({ userid: z.string(), name: z.string().default('') });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** 获取子部门ID列表: the department and everything below it the app may see (docs/wecom-protocol.md §3a). */
export const departmentSimpleListResponseSchema = z.looseObject({
  department_id: z.array(z.looseObject({ id: z.number().int(), parentid: z.number().int(), order: z.number().default(0) })).default([]),
});
export type DepartmentSimpleListResponse = z.infer<typeof departmentSimpleListResponseSchema>;

/** 获取部门成员: one department's own members. */
export const userSimpleListResponseSchema = z.looseObject({
  userlist: z.array(z.looseObject({ userid: z.string(), name: z.string().default(''), department: z.array(z.number().int()).default([]) })).default([]),
});
export type UserSimpleListResponse = z.infer<typeof userSimpleListResponseSchema>;

/** 获取标签成员: the tag's members and departments. */
export const tagResponseSchema = z.looseObject({
  tagname: z.string().default(''),
  userlist: z.array(z.looseObject({ userid: z.string(), name: z.string().default('') })).default([]),
  partylist: z.array(z.number().int()).default([]),
});
export type TagResponse = z.infer<typeof tagResponseSchema>;

/** 获取单个部门详情: a department's name (a self-built app sees those in its visible range). */
export const departmentResponseSchema = z.looseObject({
  department: z.looseObject({ id: z.number().int(), name: z.string().default(''), parentid: z.number().int().default(0), order: z.number().default(0) }),
});
export type DepartmentResponse = z.infer<typeof departmentResponseSchema>;

/** 获取标签列表: every tag the app may use. */
export const tagListResponseSchema = z.looseObject({
  taglist: z.array(z.looseObject({ tagid: z.number().int(), tagname: z.string().default('') })).default([]),
});
export type TagListResponse = z.infer<typeof tagListResponseSchema>;

/** The reminder offsets a schedule may have (seconds before its start). */
export const SCHEDULE_REMINDERS = [0, 300, 900, 3600, 86400] as const;
export type ScheduleReminder = (typeof SCHEDULE_REMINDERS)[number];

/** A schedule (日程) as oa/schedule/add takes it; update takes any of its fields with schedule_id. */
export interface ScheduleFields {
  organizer: string;
  /** Unix seconds. */
  start_time: number;
  end_time: number;
  attendees?: Array<{ userid: string }>;
  /** At most 128 characters. */
  summary?: string;
  /** At most 512 characters. */
  description?: string;
  reminders?: { is_remind: 0 | 1; remind_before_event_secs?: ScheduleReminder; timezone?: number };
  location?: string;
  /** The calendar (of the app, owned by the organizer); the organizer's default when absent. */
  cal_id?: string;
}

/** 创建日程: the new schedule's id. */
export const addScheduleResponseSchema = z.looseObject({ schedule_id: z.string().min(1) });
export type AddScheduleResponse = z.infer<typeof addScheduleResponseSchema>;

/** 上传临时素材: the media_id is valid for 3 days. */
export const uploadMediaResponseSchema = z.looseObject({
  type: z.string(),
  media_id: z.string().min(1),
  created_at: z.union([z.string(), z.number()]).optional(),
});
export type UploadMediaResponse = z.infer<typeof uploadMediaResponseSchema>;
export type MediaType = 'image' | 'voice' | 'video' | 'file';
