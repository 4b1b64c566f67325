import type { Logger } from 'pino';

/** Runs a piece of background work every `everyMs`, never twice at once, until stopped. */
export class PollingLoop {
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly name: string,
    private readonly logger: Pick<Logger, 'error'>,
    private readonly work: () => Promise<unknown>,
  ) {}

  start(everyMs: number): void {
    if (this.interval) return;
    this.interval = setInterval(() => {
      if (this.running) return;
      this.running = this.work()
        .catch((err: unknown) => this.logger.error({ err }, `${this.name} failed`))
        .finally(() => (this.running = null));
    }, everyMs);
    this.interval.unref();
  }

  /** Stops polling and waits for a round in progress to finish. */
  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.running;
  }
}
