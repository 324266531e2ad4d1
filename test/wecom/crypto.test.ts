import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WeComCrypto, WeComDecryptError } from '../../src/wecom/crypto.js';

// WeCom's official test vectors (docs/wecom-protocol.md §6).
const TOKEN = 'QDG6eK';
const KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORPID = 'wx5823bf96d3bd56c7';
const ECHOSTR = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';

describe('WeComCrypto', () => {
  const crypto = new WeComCrypto(TOKEN, KEY, CORPID);

  it('reproduces the official URL-check vector: signature and plaintext', () => {
    assert.equal(crypto.sign('1409659589', '263014780', ECHOSTR), '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3');
    assert.equal(crypto.decrypt(ECHOSTR), '1616140317555161061');
  });

  it('refuses the official vector for another corp (receiveid check)', () => {
    const other = new WeComCrypto(TOKEN, KEY, 'wwSomeoneElse');
    assert.throws(() => other.decrypt(ECHOSTR), (e: unknown) => e instanceof WeComDecryptError && e.reason === 'wrong-receiver');
  });

  it('refuses a ciphertext with forged padding', () => {
    // Encrypt by hand with a last byte of 7 but other pad bytes wrong.
    const key = Buffer.from(`${KEY}=`, 'base64');
    const msg = Buffer.from('hello');
    const body = Buffer.concat([Buffer.alloc(16, 1), Buffer.from([0, 0, 0, msg.length]), msg, Buffer.from(CORPID)]);
    const padLen = 32 - (body.length % 32);
    const pad = Buffer.alloc(padLen, 0x41);
    pad[padLen - 1] = padLen;
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
    cipher.setAutoPadding(false);
    const forged = Buffer.concat([cipher.update(Buffer.concat([body, pad])), cipher.final()]).toString('base64');
    assert.throws(() => crypto.decrypt(forged), (e: unknown) => e instanceof WeComDecryptError && e.reason === 'bad-padding');
  });

  it('refuses a message under another key as a key problem, never as another corp, even when its padding passes', () => {
    const other = new WeComCrypto(TOKEN, 'b'.repeat(43), CORPID);
    for (let i = 0; i < 3000; i++) {
      const encrypted = other.encrypt(`message ${i}`);
      assert.throws(
        () => crypto.decrypt(encrypted),
        (e: unknown) => e instanceof WeComDecryptError && (e.reason === 'bad-padding' || e.reason === 'bad-ciphertext'),
      );
    }
  });

  it('refuses text that is not base64, too short or not whole blocks', () => {
    for (const bad of ['', 'not base64 at all!', 'AAAA', Buffer.alloc(40).toString('base64')]) {
      assert.throws(() => crypto.decrypt(bad), (e: unknown) => e instanceof WeComDecryptError && e.reason === 'bad-ciphertext', bad);
    }
  });

  it('round-trips any message (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (message) => {
        assert.equal(crypto.decrypt(crypto.encrypt(message)), message);
      }),
      { numRuns: 300 },
    );
  });

  it('a corrupted ciphertext is a typed error or fails the signature, never a crash (property)', () => {
    // AES-CBC without a MAC is malleable: a flipped byte can yield another plaintext. WeCom's integrity check is
    // msg_signature over the ciphertext, which the endpoint verifies before it decrypts.
    const original = '<xml><Content><![CDATA[创建直播 周会 明天15:00]]></Content></xml>';
    const encrypted = crypto.encrypt(original);
    const signature = crypto.sign('1700000000', 'nonce', encrypted);
    const cipher = Buffer.from(encrypted, 'base64');
    fc.assert(
      fc.property(fc.nat(cipher.length - 1), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const corrupted = Buffer.from(cipher);
        corrupted[index]! ^= flip;
        const text = corrupted.toString('base64');
        assert.notEqual(crypto.sign('1700000000', 'nonce', text), signature);
        try {
          crypto.decrypt(text);
        } catch (error) {
          assert.ok(error instanceof WeComDecryptError, String(error));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses an EncodingAESKey that is not 43 characters', () => {
    assert.throws(() => new WeComCrypto(TOKEN, KEY.slice(1), CORPID), /43 characters/);
  });

  it('never decrypts a message sealed with another key, even for the 智能机器人 whose receiver is empty', () => {
    // About one wrong key in 256 leaves a well-formed padding; the frame's length then catches it (an empty
    // receiver would otherwise match the random bytes' empty one, and garbage would reach the JSON reader).
    const key = () => randomBytes(32).toString('base64').slice(0, 43);
    const ours = new WeComCrypto('token', key(), '');
    const reasons = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const sealed = new WeComCrypto('token', key(), '').encrypt('{"msgid":"1","msgtype":"text"}');
      assert.throws(() => ours.decrypt(sealed), (error: unknown) => {
        assert.ok(error instanceof WeComDecryptError);
        reasons.set(error.reason, (reasons.get(error.reason) ?? 0) + 1);
        return true;
      });
    }
    assert.ok((reasons.get('bad-ciphertext') ?? 0) > 0, 'some wrong keys got past the padding and were caught by the frame');
  });
});
