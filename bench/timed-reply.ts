/** Times a member's message from the callback to the reply the bot sends them (the benchmarks of whole commands). */
import { performance } from 'node:perf_hooks';
import type { SentMessage } from '../src/emulator/messages.js';
import type { WeComEmulator } from '../src/emulator/server.js';

/** A timer for `user`'s messages: `timed(text, done)` sends `text` and resolves with the ms until a reply `done` takes. */
export function replyTimer(emulator: WeComEmulator, user: string) {
  let last: SentMessage | undefined;
  return {
    /** The reply the last `timed` waited for. */
    get last(): SentMessage | undefined {
      return last;
    },
    async timed(text: string, done: (m: SentMessage) => boolean): Promise<number> {
      const arrived = new Promise<void>((resolve, reject) => {
        const stop = emulator.messages.onMessage((m) => {
          if (m.touser !== user) return;
          // A refusal ends the run with the bot's own words instead of waiting for a reply that will not come.
          if (m.content.startsWith('直播没有创建')) {
            stop();
            reject(new Error(m.content));
          } else if (done(m)) {
            last = m;
            stop();
            resolve();
          }
        });
      });
      const t0 = performance.now();
      await emulator.callbacks.sendText(user, text);
      await arrived;
      return performance.now() - t0;
    },
  };
}
