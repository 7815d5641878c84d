// The fan-out over Redis pub/sub: one channel per record, one for the whole deployment.
// Redis orders what it relays, so an update that depends on another (seen through Redis
// first) is never delivered before it. What pub/sub may drop (during a reconnect) is
// caught up from storage by the room, which tracks the sequence numbers it has applied.
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { log, errorMessage } from '../log';
import { decodeFanout, encodeFanout, type Fanout, type FanoutMessage } from './fanout';

const recordChannel = (prefix: string, documentId: string) => `${prefix}:record:${documentId}`;

export async function redisFanout(url: string, prefix = 'accord'): Promise<Fanout> {
  const origin = randomBytes(8).toString('hex');
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const broadcastChannel = `${prefix}:broadcast`;
  const deliverers = new Map<string, (message: FanoutMessage) => void>();
  const broadcastDeliverers: ((message: FanoutMessage) => void)[] = [];

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
  await subscriber.subscribe(broadcastChannel);

  const send = (channel: string, message: FanoutMessage) => {
    publisher.publish(channel, Buffer.from(encodeFanout(origin, message))).catch((err: unknown) => {
      // Other processes catch up from storage; nothing stored is lost.
      log.warn('fanout.publish-failed', { error: errorMessage(err) });
    });
  };

  return {
    async join(documentId, deliver) {
      const channel = recordChannel(prefix, documentId);
      deliverers.set(channel, deliver);
      await subscriber.subscribe(channel);
    },
    async leave(documentId) {
      const channel = recordChannel(prefix, documentId);
      deliverers.delete(channel);
      await subscriber.unsubscribe(channel);
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
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
