/**
 * WeCom's callback crypto (docs/wecom-protocol.md §5): signatures and encryption by @wecom/crypto; decryption in one
 * AES pass with the checks @wecom/crypto leaves out (the receiveid must be ours, the padding and frame well formed).
 */
import { createDecipheriv } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';

/** Why a ciphertext was refused; the callback endpoint logs it as the reason code. */
export type DecryptFailure = 'bad-ciphertext' | 'bad-padding' | 'wrong-receiver';

/** Decryption refused: never a plaintext from a message we cannot vouch for. */
export class WeComDecryptError extends Error {
  override name = 'WeComDecryptError';
  constructor(readonly reason: DecryptFailure) {
    super(`callback ciphertext refused: ${reason}`);
  }
}

const BLOCK = 16;

/** Signs, encrypts and decrypts for one app's Token / EncodingAESKey / receiveid. */
export class WeComCrypto {
  private readonly key: Buffer;

  constructor(
    private readonly token: string,
    private readonly encodingAESKey: string,
    /** corpid for a self-built app. */
    readonly receiveId: string,
  ) {
    this.key = Buffer.from(`${encodingAESKey}=`, 'base64');
    if (encodingAESKey.length !== 43 || this.key.length !== 32) {
      throw new TypeError('EncodingAESKey must be the 43 characters shown in the admin console (接收消息 → EncodingAESKey)');
    }
  }

  /** msg_signature = sha1(sort([Token, timestamp, nonce, encrypted]).join('')), lower-case hex. */
  sign(timestamp: string, nonce: string, encrypted: string): string {
    return getSignature(this.token, timestamp, nonce, encrypted);
  }

  /** The query of a URL check for `echo`, signed as WeCom signs it (used by the doctor and the emulator). */
  urlCheckQuery(echo: string, timestamp: string, nonce: string): URLSearchParams {
    const echostr = this.encrypt(echo);
    return new URLSearchParams({ msg_signature: this.sign(timestamp, nonce, echostr), timestamp, nonce, echostr });
  }

  /** Encrypts `message` for this app (16 random bytes ‖ length ‖ message ‖ receiveid, padded to 32). */
  encrypt(message: string): string {
    return encrypt(this.encodingAESKey, message, this.receiveId);
  }

  /**
   * Decrypts a callback ciphertext; throws WeComDecryptError unless it is well formed and meant for us. One AES pass
   * over the whole ciphertext (IV = the key's first 16 bytes), then every check @wecom/crypto's decrypt leaves out:
   * the base64 is whole, the PKCS#7 padding (n bytes of n, 1–32) is well formed, the frame — 16 random bytes, the
   * length, the message, the receiveid — adds up exactly, and the receiveid is ours. (Decrypting once instead of
   * checking the last block and then letting @wecom/crypto decrypt again: bench/callback.ts.)
   */
  decrypt(encrypted: string): string {
    const raw = Buffer.from(encrypted, 'base64');
    // Buffer.from skips what is not base64: a length that does not match the text means the text was not base64.
    const padded = encrypted.endsWith('==') ? 2 : encrypted.endsWith('=') ? 1 : 0;
    if (encrypted.length % 4 !== 0 || raw.length !== (encrypted.length / 4) * 3 - padded) throw new WeComDecryptError('bad-ciphertext');
    if (raw.length < 2 * BLOCK || raw.length % BLOCK !== 0) throw new WeComDecryptError('bad-ciphertext');
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, BLOCK));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(raw), decipher.final()]);
    const n = plain[plain.length - 1]!;
    if (n < 1 || n > 32 || plain.length < n + 20) throw new WeComDecryptError('bad-padding');
    for (let i = plain.length - n; i < plain.length; i++) if (plain[i] !== n) throw new WeComDecryptError('bad-padding');
    const end = plain.length - n;
    const length = plain.readUInt32BE(16);
    if (20 + length > end) throw new WeComDecryptError('bad-ciphertext');
    const id = plain.toString('utf8', 20 + length, end);
    if (id !== this.receiveId) {
      // With the wrong key, the padding still checks out about once in 256 tries and the "receiveid" is then random
      // bytes: only a plausible corp ID means the key was right and the message is for another corp.
      throw new WeComDecryptError(/^[A-Za-z0-9_.-]{1,64}$/.test(id) ? 'wrong-receiver' : 'bad-ciphertext');
    }
    return plain.toString('utf8', 20, 20 + length);
  }
}
