/**
 * The endpoint → (method, response schema, idempotency) map that WeComApi's private call() is typed by.
 * Idempotent calls may be retried after an unknown outcome; the others never are (docs/wecom-protocol.md §3).
 */
import type { z } from 'zod';
import {
  apiDomainIpResponseSchema,
  createLivingResponseSchema,
  emptyResponseSchema,
  livingCodeResponseSchema,
  livingInfoResponseSchema,
  livingShareInfoResponseSchema,
  sendMessageResponseSchema,
  tokenResponseSchema,
  updateTemplateCardResponseSchema,
  uploadMediaResponseSchema,
  userResponseSchema,
  departmentSimpleListResponseSchema,
  userSimpleListResponseSchema,
  tagResponseSchema,
  departmentResponseSchema,
  tagListResponseSchema,
  addScheduleResponseSchema,
  userLivingidsResponseSchema,
  watchStatResponseSchema,
} from './types.js';

interface EndpointSpec {
  method: 'GET' | 'POST';
  schema: z.ZodType;
  idempotent: boolean;
  /** False for the calls made without access_token: gettoken (which fetches it) and aibot/response (its URL is the authority). */
  token?: false;
}

export const ENDPOINTS = {
  gettoken: { method: 'GET', schema: tokenResponseSchema, idempotent: true, token: false },
  get_api_domain_ip: { method: 'GET', schema: apiDomainIpResponseSchema, idempotent: true },
  'living/create': { method: 'POST', schema: createLivingResponseSchema, idempotent: false },
  // A modify or cancel sent twice ends in the same state as once.
  'living/modify': { method: 'POST', schema: emptyResponseSchema, idempotent: true },
  'living/cancel': { method: 'POST', schema: emptyResponseSchema, idempotent: true },
  'living/delete_replay_data': { method: 'POST', schema: emptyResponseSchema, idempotent: true },
  'living/get_living_info': { method: 'GET', schema: livingInfoResponseSchema, idempotent: true },
  'living/get_user_all_livingid': { method: 'POST', schema: userLivingidsResponseSchema, idempotent: true },
  'living/get_watch_stat': { method: 'POST', schema: watchStatResponseSchema, idempotent: true },
  'living/get_living_code': { method: 'POST', schema: livingCodeResponseSchema, idempotent: true },
  'living/get_living_share_info': { method: 'POST', schema: livingShareInfoResponseSchema, idempotent: true },
  // A second send is a second message for the user, unless WeCom's duplicate check is on (see sendMessage).
  'message/send': { method: 'POST', schema: sendMessageResponseSchema, idempotent: false },
  // A response_code is single-use: a second update of the same code fails rather than doing anything twice.
  'message/update_template_card': { method: 'POST', schema: updateTemplateCardResponseSchema, idempotent: true },
  'user/get': { method: 'GET', schema: userResponseSchema, idempotent: true },
  'department/simplelist': { method: 'GET', schema: departmentSimpleListResponseSchema, idempotent: true },
  'user/simplelist': { method: 'GET', schema: userSimpleListResponseSchema, idempotent: true },
  'tag/get': { method: 'GET', schema: tagResponseSchema, idempotent: true },
  'department/get': { method: 'GET', schema: departmentResponseSchema, idempotent: true },
  'tag/list': { method: 'GET', schema: tagListResponseSchema, idempotent: true },
  // A second add is a second entry on everyone's calendar: never repeated after an unknown outcome.
  'oa/schedule/add': { method: 'POST', schema: addScheduleResponseSchema, idempotent: false },
  'oa/schedule/update': { method: 'POST', schema: emptyResponseSchema, idempotent: true },
  'oa/schedule/del': { method: 'POST', schema: emptyResponseSchema, idempotent: true },
  'oa/schedule/add_attendees': { method: 'POST', schema: emptyResponseSchema, idempotent: true },
  // A second upload only leaves an unused media_id behind, which WeCom forgets after 3 days.
  'media/upload': { method: 'POST', schema: uploadMediaResponseSchema, idempotent: true },
  // A response_url works once: never sent again after an unknown outcome, so the member never gets it twice.
  'aibot/response': { method: 'POST', schema: emptyResponseSchema, idempotent: false, token: false },
} as const satisfies Record<string, EndpointSpec>;

export type Endpoint = keyof typeof ENDPOINTS;
export type EndpointResponse<E extends Endpoint> = z.infer<(typeof ENDPOINTS)[E]['schema']>;
