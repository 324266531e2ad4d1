/**
 * node-webot's wechat-enterprise middleware (the long-standing Node library for WeCom callbacks) on express, with a
 * handler that answers an empty 200 as the bot does: how a typical WeCom endpoint performs, for comparison.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
// @ts-expect-error no types: a CommonJS middleware from 2015
import wechat from 'wechat-enterprise';

const app = express();
const config = { token: process.env.WECOM_TOKEN!, encodingAESKey: process.env.WECOM_ENCODING_AES_KEY!, corpId: process.env.WECOM_CORP_ID! };
app.use(
  '/wecom/callback',
  // A handler function alone is called (req, res, next); reply('') answers an empty 200.
  (wechat as (c: typeof config, h: (req: unknown, res: { reply: (s: string) => void }) => void) => express.RequestHandler)(config, (_req, res) => res.reply('')),
);
const server = app.listen(0, '127.0.0.1', () => console.error(`listening on port ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => process.exit(0));
