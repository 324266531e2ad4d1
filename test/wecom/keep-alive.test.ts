import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../src/log.js';
import { WeComApi } from '../../src/wecom/client.js';

/**
 * The race the sandbox trial hit (`message/send ECONNRESET`, a reply lost): the client reuses a kept-alive socket
 * at the moment the server closes it for being idle. A message/send that fails that way cannot be sent again (it
 * may have arrived), so the client must not reuse a socket the server is about to close: it drops idle sockets a
 * second before the server's announced `Keep-Alive: timeout`.
 */
describe('kept-alive sockets and the server’s idle timeout', () => {
  let server: Server;
  let url: string;
  const sockets: Socket[] = [];
  before(async () => {
    server = createServer((req, res) => {
      if (!sockets.includes(req.socket)) sockets.push(req.socket);
      // Announces 2 s, but never closes on its own: only the client's keeping to the hint avoids the reuse.
      res.setHeader('Keep-Alive', 'timeout=2');
      if (req.url?.startsWith('/cgi-bin/gettoken')) return void res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'T'.repeat(32), expires_in: 7200 }));
      req.resume();
      req.on('end', () => res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 'm' })));
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a socket idle past the server’s hint minus a second is not reused; a busy one is', async () => {
    const api = new WeComApi('wwcorp', 'secret', { baseURL: url, agentid: 1, logger: createLogger('silent') });
    await api.sendMessage('zhangsan', { msgtype: 'text', text: { content: '1' } });
    await api.sendMessage('zhangsan', { msgtype: 'text', text: { content: '2' } });
    assert.equal(sockets.length, 1, 'back to back: one kept-alive socket');
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await api.sendMessage('zhangsan', { msgtype: 'text', text: { content: '3' } });
    assert.equal(sockets.length, 2, 'after 1.3 s idle (the hint says 2 s): a new socket, not the one the server may be closing');
  });
});
