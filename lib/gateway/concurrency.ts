// A semaphore with a bounded wait queue, for work that holds something scarce (a thread of libuv's pool, where
// argon2id runs, or one of the database pool's connections): at most `concurrency` tasks run at once, at most
// `queueLimit` more wait for a turn, first come first served, and the next is refused at once with QueueFull so
// that the server sheds it rather than queue without end.

export class QueueFull extends Error {
  constructor() {
    super("too much work is already waiting");
  }
}

export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  /** Runs `task` now, or once a running task ends; rejects with QueueFull when `queueLimit` tasks already wait. */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) {
      this.running++;
      return this.inSlot(task);
    }
    if (this.waiting.length >= this.queueLimit) return Promise.reject(new QueueFull());
    return new Promise<void>((turn) => this.waiting.push(turn)).then(() => this.inSlot(task));
  }

  // The slot is counted in `running` already. At the task's end it passes straight to the first waiter, so that a
  // task arriving in between cannot take it and make one too many run.
  private async inSlot<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.running--;
      else next();
    }
  }
}
