// What every server wrapper answers its parent over IPC: its port once listening, its
// heap after a full collection (S5; the wrapper runs with --expose-gc), and stop.
export type ServerRequest = { type: 'gc+heap'; id: number } | { type: 'mark'; id: number } | { type: 'stop'; id: number };

export interface HeapReport {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

export type ServerReply =
  | { type: 'ready'; port: number; pid: number /** process.version: the Node it runs under. */; node: string }
  | ({ type: 'heap'; id: number } & HeapReport)
  | { type: 'mark'; id: number /** CLOCK_MONOTONIC in µs, the clock of --cpu-prof's timestamps. */; t: number }
  | { type: 'stopped'; id: number }
  | { type: 'failed'; error: string };

function send(reply: ServerReply): void {
  process.send?.(reply);
}

export function serveOverIpc(port: number, stop: () => Promise<void>): void {
  send({ type: 'ready', port, pid: process.pid, node: process.version });
  process.on('message', (request: ServerRequest) => {
    if (request.type === 'gc+heap') {
      const gc = (globalThis as { gc?: () => void }).gc;
      // Twice: the first pass runs finalizers that free more for the second.
      gc?.();
      gc?.();
      const m = process.memoryUsage();
      send({ type: 'heap', id: request.id, heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers });
    } else if (request.type === 'mark') {
      send({ type: 'mark', id: request.id, t: Number(process.hrtime.bigint() / 1000n) });
    } else if (request.type === 'stop') {
      void stop()
        .catch(() => undefined)
        .then(() => {
          send({ type: 'stopped', id: request.id });
          // Exiting normally lets --cpu-prof write its profile.
          setTimeout(() => process.exit(0), 20);
        });
    }
  });
  // The parent is gone: nobody will ask us to stop.
  process.on('disconnect', () => process.exit(0));
}

export function failOverIpc(err: unknown): void {
  send({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  setTimeout(() => process.exit(1), 20);
}
