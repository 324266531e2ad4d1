/**
 * WeCom's callback crypto (docs/wecom-protocol.md §5) on top of @wecom/crypto, adding the two checks it leaves out:
 * the receiveid must be our corpid, and the PKCS#7 padding (to 32 bytes) must be well formed.
 */
import { createDecipheriv } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

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
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

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

  /** Decrypts a callback ciphertext; throws WeComDecryptError unless it is well formed and meant for us. */
  decrypt(encrypted: string): string {
    const raw = BASE64.test(encrypted) ? Buffer.from(encrypted, 'base64') : Buffer.alloc(0);
    if (raw.length < 2 * BLOCK || raw.length % BLOCK !== 0) throw new WeComDecryptError('bad-ciphertext');
    const padding = this.checkPadding(raw);
    let result: { message: string; id: string };
    try {
      result = decrypt(this.encodingAESKey, encrypted);
    } catch {
      throw new WeComDecryptError('bad-ciphertext');
    }
    // 16 random bytes, the length, the message, the receiver: with the wrong key a random length can leave an empty
    // "receiver" (the 智能机器人's own is empty), so the frame must add up to what was decrypted.
    if (20 + Buffer.byteLength(result.message) + Buffer.byteLength(result.id) !== raw.length - padding) throw new WeComDecryptError('bad-ciphertext');
    if (result.id !== this.receiveId) {
      // With the wrong key, the padding still checks out about once in 256 tries and the "receiveid" is then random
      // bytes: only a plausible corp ID means the key was right and the message is for another corp.
      throw new WeComDecryptError(/^[A-Za-z0-9_.-]{1,64}$/.test(result.id) ? 'wrong-receiver' : 'bad-ciphertext');
    }
    return result.message;
  }

  /**
   * The padding's length, when it is well formed. WeCom pads to 32 bytes with n bytes of value n (1–32). @wecom/crypto strips whatever the last byte says, so a
   * forged or truncated ciphertext could decrypt to garbage; decrypting the last block alone (CBC: with the
   * previous ciphertext block as IV) checks the padding for the cost of one block.
   */
  private checkPadding(raw: Buffer): number {
    const decipher = createDecipheriv('aes-256-cbc', this.key, raw.subarray(raw.length - 2 * BLOCK, raw.length - BLOCK));
    decipher.setAutoPadding(false);
    const last = Buffer.concat([decipher.update(raw.subarray(raw.length - BLOCK)), decipher.final()]);
    const n = last[BLOCK - 1]!;
    // n can be up to 32, which spans two blocks; the bytes in this block must all equal n.
    if (n < 1 || n > 32 || raw.length < n + 20) throw new WeComDecryptError('bad-padding');
    for (let i = BLOCK - Math.min(n, BLOCK); i < BLOCK; i++) {
      if (last[i] !== n) throw new WeComDecryptError('bad-padding');
    }
    return n;
  }
}
