/**
 * The floor for the callback benchmark: a bare node:http server doing the same verify + decrypt + parse as the
 * bot's endpoint (the same functions), and nothing else: no Express, no dedupe, no queue, no log line.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSignedQuery, verifySignature } from '../../src/callback/sealed.js';
import { parseMessage, readEncrypt } from '../../src/callback/xml.js';
import { WeComCrypto } from '../../src/wecom/crypto.js';

const crypto = new WeComCrypto(process.env.WECOM_TOKEN!, process.env.WECOM_ENCODING_AES_KEY!, process.env.WECOM_CORP_ID!);
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const query = readSignedQuery(url.searchParams);
      const encrypted = readEncrypt(Buffer.concat(chunks).toString('utf8'));
      verifySignature(crypto, query, encrypted, Math.floor(Date.now() / 1000), 300);
      parseMessage(crypto.decrypt(encrypted));
      res.writeHead(200).end();
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.listen(0, '127.0.0.1', () => console.error(`listening on port ${(server.address() as AddressInfo).port}`));
// Exit cleanly on SIGTERM so a --cpu-prof run writes its profile.
process.on('SIGTERM', () => process.exit(0));
