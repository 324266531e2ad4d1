/**
 * Member userids as WeCom defines them (docs/wecom-protocol.md, 成员): 1–64 ASCII letters, digits and _ - @ .,
 * starting with a letter or digit; compared without case, as WeCom answers them in lower case.
 */

const USERID = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

/** True for a string WeCom could have sent as a userid; anything else is refused at the door. */
export const isUserid = (text: string): boolean => USERID.test(text);

/**
 * The userid with ASCII letters lower-cased and nothing else touched: `toLowerCase()` would also fold the Kelvin
 * sign (U+212A) to `k`, so `\u212Aim` would pass for `kim`.
 */
export const userKey = (userid: string): string => userid.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** True when `a` and `b` are the same member. */
export const sameUser = (a: string, b: string): boolean => userKey(a) === userKey(b);
