/** A pause the runner can cut short on stop, so shutdown never waits out an idle poll. */
export class InterruptibleSleep {
  private wake?: () => void;
  private timer?: NodeJS.Timeout;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  interrupt(): void {
    clearTimeout(this.timer);
    this.wake?.();
  }
}
