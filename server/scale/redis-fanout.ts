// The fan-out over Redis pub/sub: one channel per record, one for the whole deployment.
// Redis orders what it relays, so an update that depends on another (seen through Redis
// first) is never delivered before it. What pub/sub drops (while Redis is away) is caught
// up from storage: rooms track the sequence numbers they have applied, and the registry
// compares them with storage on a timer and when the link comes back.
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { log, errorMessage } from '../log';
import { decodeFanout, encodeFanout, type Fanout, type FanoutMessage } from './fanout';

const recordChannel = (prefix: string, documentId: string) => `${prefix}:record:${documentId}`;
/** How long opening a record waits for its subscription before it opens without (and catches up). */
const SUBSCRIBE_AT_MOST_MS = 1000;

export async function redisFanout(url: string, prefix = 'accord'): Promise<Fanout> {
  const origin = randomBytes(8).toString('hex');
  // While Redis is away, nothing waits for it: a publish fails at once (storage has what it
  // carried), a join does not hold up the record's load, and no queue of stale messages
  // builds up to be flushed on reconnect.
  const options = { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: false, autoResubscribe: false } as const;
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  const broadcastChannel = `${prefix}:broadcast`;
  const deliverers = new Map<string, (message: FanoutMessage) => void>();
  const broadcastDeliverers: ((message: FanoutMessage) => void)[] = [];
  const healthListeners: ((healthy: boolean) => void)[] = [];
  // Not healthy until both connections are up and subscribed (recheck, below).
  let healthy = false;
  let closing = false;

  subscriber.on('messageBuffer', (channelBytes: Buffer, payload: Buffer) => {
    try {
      const decoded = decodeFanout(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
      if (decoded.origin === origin) return;
      const channel = channelBytes.toString();
      if (channel === broadcastChannel) for (const deliver of broadcastDeliverers) deliver(decoded.message);
      else deliverers.get(channel)?.(decoded.message);
    } catch (err) {
      log.error('fanout.message-dropped', { error: errorMessage(err) });
    }
  });
  const setHealthy = (now: boolean) => {
    if (now === healthy || closing) return;
    healthy = now;
    for (const listener of healthListeners) listener(now);
  };
  // Healthy again only once every channel is subscribed again: what is read from storage
  // after that cannot miss a message published in between.
  const recheck = async () => {
    if (publisher.status !== 'ready' || subscriber.status !== 'ready') return setHealthy(false);
    if (healthy) return;
    try {
      await subscriber.subscribe(broadcastChannel, ...deliverers.keys());
      if (publisher.status === 'ready' && subscriber.status === 'ready') setHealthy(true);
    } catch (err) {
      log.warn('fanout.resubscribe-failed', { error: errorMessage(err) });
    }
  };
  for (const connection of [publisher, subscriber]) {
    connection.on('ready', () => void recheck());
    connection.on('close', () => setHealthy(false));
    // ioredis reconnects by itself; an error here is a symptom already handled by 'close'.
    connection.on('error', (err: unknown) => log.debug('fanout.connection-error', { error: errorMessage(err) }));
  }
  // A process may start while Redis is away: it serves from PostgreSQL, degraded, and the
  // connections keep trying in the background until Redis is there.
  await Promise.all([publisher.connect(), subscriber.connect()]).catch((err: unknown) => {
    log.warn('fanout.unreachable-at-start', { error: errorMessage(err) });
  });
  await recheck();

  const send = (channel: string, message: FanoutMessage) => {
    if (publisher.status !== 'ready') return; // other processes catch up from storage
    publisher.publish(channel, Buffer.from(encodeFanout(origin, message))).catch((err: unknown) => {
      log.warn('fanout.publish-failed', { error: errorMessage(err) });
    });
  };

  return {
    shared: true,
    get healthy() {
      return healthy;
    },
    onHealth(listener) {
      healthListeners.push(listener);
    },
    async join(documentId, deliver) {
      const channel = recordChannel(prefix, documentId);
      deliverers.set(channel, deliver);
      if (!healthy) return; // subscribed with every other channel when the link is back
      // A Redis that has gone quiet without closing does not hold up the record's load
      // either: after a while the record opens anyway, and the catch-up check covers it.
      let timer: NodeJS.Timeout | undefined;
      const quiet = new Promise<void>((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_AT_MOST_MS)));
      const subscribed = subscriber.subscribe(channel).then(
        () => undefined,
        (err: unknown) => log.warn('fanout.subscribe-failed', { documentId, error: errorMessage(err) }),
      );
      await Promise.race([subscribed, quiet]);
      clearTimeout(timer);
    },
    async leave(documentId) {
      const channel = recordChannel(prefix, documentId);
      deliverers.delete(channel);
      if (healthy) await subscriber.unsubscribe(channel).catch(() => undefined);
    },
    publish(documentId, message) {
      send(recordChannel(prefix, documentId), message);
    },
    onBroadcast(deliver) {
      broadcastDeliverers.push(deliver);
    },
    publishBroadcast(message) {
      send(broadcastChannel, message);
    },
    async close() {
      closing = true;
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
