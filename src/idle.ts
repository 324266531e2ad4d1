/** Lets shutdown wait until a worker (the command queue, the outbox) has nothing left, within a deadline. */
export class IdleSignal {
  private waiters: Array<() => void> = [];

  /** Resolves true when notify() is called, false once `timeoutMs` passes first. */
  async wait(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([idle, timeout]);
    clearTimeout(timer);
    return result;
  }

  /** Wakes everyone waiting: the worker is idle. */
  notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
