/**
 * Text that came from outside (WeCom's errmsg, a relay's answer) cleaned before it is logged, stored in stats or
 * shown: a relay may echo the request back, and the request holds the access_token (and gettoken's corpsecret).
 */

const REDACTED = '[redacted]';
/** key=value and "key":"value" pairs whose value is a credential, whatever sent them. */
const CREDENTIAL_PAIRS = /((?:access_token|corpsecret|secret|token|encodingaeskey|aeskey|key|password|passwd|pwd)["']?\s*[=:]\s*["']?)[^\s&"',;}]+/gi;
/** user:password@ in a URL (a proxy's credentials). */
const URL_CREDENTIALS = /(\/\/)[^/\s:@]+:[^/\s@]+@/g;

/** `text` without `secrets` (each at least 6 characters) and without anything shaped like a credential. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  return out.replace(CREDENTIAL_PAIRS, `$1${REDACTED}`).replace(URL_CREDENTIALS, `$1${REDACTED}@`);
}

/** The user name and password of a proxy URL, as secrets to redact. */
export function proxyCredentials(proxyUrl: string | undefined): string[] {
  if (!proxyUrl) return [];
  try {
    const url = new URL(proxyUrl);
    return [decodeURIComponent(url.username), decodeURIComponent(url.password)].filter((s) => s !== '');
  } catch {
    return [];
  }
}
