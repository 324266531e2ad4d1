// The README's usage example. With WECOM_CORP_ID / WECOM_CORP_SECRET set it talks to real WeCom; without them it
// starts the local WeCom emulator, so it runs anywhere: `npm run build && npm run example`.
import { WeComApi, WeComApiError } from 'wecom-live-bot';
import { WeComEmulator } from 'wecom-live-bot/emulator';

const emulator = process.env.WECOM_CORP_ID ? undefined : await WeComEmulator.start();
const api = new WeComApi(
  process.env.WECOM_CORP_ID || emulator!.corpid,
  process.env.WECOM_CORP_SECRET || emulator!.corpsecret,
  { baseURL: emulator?.url }, // undefined: https://qyapi.weixin.qq.com
);

if (await api.testConnection()) {
  // 创建预约直播: anchor, theme, start (unix seconds), duration (s), type 3 = 企业培训, description
  const start = Math.floor(Date.now() / 1000) + 3600;
  const { livingid } = await api.createLive('zhangsan', '产品发布会', start, 3600, 3, '新品介绍');
  console.log('直播ID:', livingid);

  const { living_info: info } = await api.getLivingInfo(livingid);
  console.log('主题:', info.theme, '状态:', info.status); // 0 预约中

  let viewers = 0;
  for await (const page of api.allWatchStats(livingid)) viewers += page.users.length + page.external_users.length;
  console.log('观看人数:', viewers);

  try {
    await api.cancelLiving('no-such-live');
  } catch (error) {
    if (error instanceof WeComApiError) console.log('取消失败:', error.errcode, error.errmsg);
  }

  await api.cancelLiving(livingid);
  const stats = api.getApiStats();
  console.log('API调用:', stats.totalCalls, '成功率:', `${(stats.successRate * 100).toFixed(1)}%`);
  api.logApiStats(); // one JSON log line with every figure
}
await emulator?.close();
