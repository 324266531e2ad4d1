/**
 * The standard floor for the callback benchmark: bare node:http, @wecom/crypto (WeCom's signature and AES) and
 * fast-xml-parser, and nothing of the project's own — so a slow piece of the bot's verify, decrypt or parse shows
 * against it instead of hiding on both sides. It does what any WeCom endpoint must: the signature, the time
 * window, decryption, the XML, and the check that the message is for this corp.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

const token = process.env.WECOM_TOKEN!;
const key = process.env.WECOM_ENCODING_AES_KEY!;
const corpid = process.env.WECOM_CORP_ID!;
const parser = new XMLParser();
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const timestamp = q.get('timestamp') ?? '';
      const encrypted = String((parser.parse(Buffer.concat(chunks).toString('utf8')) as { xml: { Encrypt: string } }).xml.Encrypt);
      if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) throw new Error('stale');
      if (getSignature(token, timestamp, q.get('nonce') ?? '', encrypted) !== q.get('msg_signature')) throw new Error('signature');
      const { message, id } = decrypt(key, encrypted);
      if (id !== corpid) throw new Error('receiver');
      const xml = (parser.parse(message) as { xml?: { FromUserName?: string } }).xml;
      if (!xml?.FromUserName) throw new Error('message');
      res.writeHead(200).end();
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.listen(0, '127.0.0.1', () => console.error(`listening on port ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => process.exit(0));
