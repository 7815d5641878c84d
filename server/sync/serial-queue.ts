// One queue per record keeps its messages in arrival order across awaits (storage is
// asynchronous), so that what is in memory is always what has been stored.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => T | Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  get idle(): boolean {
    return this.pending === 0;
  }

  /** Resolves once every task queued so far has finished. */
  drained(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
