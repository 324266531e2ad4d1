/**
 * Fault knobs for tests: make a path answer an errcode, an HTTP status, hang, or drop the connection, either
 * before doing the work or after it (the "unknown outcome" case that must never be retried for living/create).
 */

export type Fault =
  | { kind: 'errcode'; errcode: number; errmsg: string }
  | { kind: 'status'; status: number }
  /** Close the socket without answering, before the work is done. */
  | { kind: 'reset' }
  /** Do the work, then close the socket without answering: the client cannot know it succeeded. */
  | { kind: 'lose-response' };

interface Armed {
  fault: Fault;
  remaining: number;
}

export class Faults {
  private readonly armed = new Map<string, Armed[]>();
  private readonly delays = new Map<string, { ms: number; remaining: number }>();

  /** The next `times` calls to `path` (e.g. "living/create") answer `errcode`. */
  failNext(path: string, errcode: number, times = 1, errmsg = 'emulated failure'): void {
    this.arm(path, { kind: 'errcode', errcode, errmsg }, times);
  }
  /** The next `times` calls to `path` answer HTTP `status` with no WeCom body. */
  httpStatus(path: string, status: number, times = 1): void {
    this.arm(path, { kind: 'status', status }, times);
  }
  /** The next `times` calls to `path` have their connection dropped before any work. */
  reset(path: string, times = 1): void {
    this.arm(path, { kind: 'reset' }, times);
  }
  /** The next `times` calls to `path` do their work, then have their connection dropped. */
  loseResponse(path: string, times = 1): void {
    this.arm(path, { kind: 'lose-response' }, times);
  }
  /** Calls to `path` wait `ms` before being handled, `times` times (default: until cleared). */
  delay(path: string, ms: number, times = Number.POSITIVE_INFINITY): void {
    this.delays.set(path, { ms, remaining: times });
  }
  /** Removes every armed fault and delay. */
  clear(): void {
    this.armed.clear();
    this.delays.clear();
  }

  /**
   * Takes the next armed fault for `path` if it is one of `kinds` (used by the server, which asks for network
   * faults before its token check and WeCom-level ones after it, so a refused token does not use a fault up).
   */
  take(path: string, kinds: ReadonlyArray<Fault['kind']>): Fault | undefined {
    const queue = this.armed.get(path);
    const head = queue?.[0];
    if (!queue || !head || !kinds.includes(head.fault.kind)) return undefined;
    if (--head.remaining <= 0) queue.shift();
    return head.fault;
  }
  /** Takes the delay for `path` in ms, or 0. */
  takeDelay(path: string): number {
    const d = this.delays.get(path);
    if (!d || d.remaining <= 0) return 0;
    d.remaining--;
    return d.ms;
  }

  private arm(path: string, fault: Fault, times: number): void {
    const queue = this.armed.get(path) ?? [];
    queue.push({ fault, remaining: times });
    this.armed.set(path, queue);
  }
}
