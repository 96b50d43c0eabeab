/** A one-line progress meter on a terminal's stderr; silent when stderr is not a terminal. */
export class Progress {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total: number,
    private readonly label: string,
  ) {}

  advance(bytes: number): void {
    this.done += bytes;
    if (!this.stream.isTTY || this.total < 8 * 1024 * 1024) return;
    const now = performance.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const share = Math.min(1, this.done / this.total);
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    this.stream.write(`\r${this.label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% of ${(this.total / 1e6).toFixed(0)} MB`);
  }

  finish(): void {
    if (this.stream.isTTY && this.total >= 8 * 1024 * 1024) this.stream.write('\n');
  }
}
