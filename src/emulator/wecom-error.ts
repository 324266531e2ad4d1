/** Thrown by the emulator's handlers; the server turns it into WeCom's `{errcode, errmsg}` answer. */
export class EmulatedWeComError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`);
  }
}

/** 40058 不合法的参数: WeCom's answer for a parameter it refuses. */
export const invalidParam = (what: string): EmulatedWeComError => new EmulatedWeComError(40058, `invalid ${what}`);
