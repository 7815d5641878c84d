// What others type, applied once a frame: the updates the server sent meanwhile are applied
// after the paint, each in a transaction of its own with the provider as its origin (as the
// stock handler applies them), and sync steps keep their place in the order the server sent them.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterPaint } from '../../client/app/after-paint';
import { applyRemoteUpdatesPerFrame, type Schedule } from '../../client/connection/remote-updates';
import { seedNote, seededRandom, testSeed } from '../helpers/random';

/** A provider that never connects: messages are handed to it as its socket would. */
function provider(doc = new Y.Doc()) {
  return new WebsocketProvider('ws://127.0.0.1:9', 'record', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
}

/** As y-websocket's readMessage: runs the message's handler, returns what it would answer. */
function deliver(p: WebsocketProvider, message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  const encoder = encoding.createEncoder();
  const type = decoding.readVarUint(decoder);
  p.messageHandlers[type]!(encoder, decoder, p, true, type);
  return encoding.length(encoder) > 1 ? encoding.toUint8Array(encoder) : null;
}

const message = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
};
const updateMessage = (update: Uint8Array) => message((e) => syncProtocol.writeUpdate(e, update));

/** A schedule run by hand: what the next frame would do, when the test says so. */
function byHand() {
  const pending: (() => void)[] = [];
  const schedule: Schedule = (run) => {
    pending.push(run);
    return () => {
      const at = pending.indexOf(run);
      if (at >= 0) pending.splice(at, 1);
    };
  };
  return {
    schedule,
    pending,
    frame: () => {
      for (const run of pending.splice(0)) run();
    },
  };
}

/** The server's side: a doc whose every update is also a message for the client. */
function serverDoc() {
  const doc = new Y.Doc();
  const messages: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => messages.push(updateMessage(update)));
  return { doc, messages };
}

describe('remote updates applied once a frame', () => {
  it('applies a frame of updates after the paint, each in its own transaction from the provider, in order', () => {
    const server = serverDoc();
    const cells = ['th', 'lo'].map((name) => server.doc.getXmlFragment(name));
    for (const cell of cells) cell.insert(0, [new Y.XmlText('')]);
    const client = provider();
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(server.doc));
    server.messages.length = 0;
    const frame = byHand();
    applyRemoteUpdatesPerFrame(client, frame.schedule);

    const seen = new Map<string, number>();
    for (const name of ['th', 'lo']) client.doc.getXmlFragment(name).observeDeep(() => seen.set(name, (seen.get(name) ?? 0) + 1));
    const origins: unknown[] = [];
    client.doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));

    // Twenty typists, five keystrokes each, into two cells.
    for (let i = 0; i < 100; i++) (cells[i % 2]!.get(0) as Y.XmlText).insert(0, String.fromCharCode(65 + (i % 26)));
    for (const m of server.messages) expect(deliver(client, m)).toBeNull();
    expect(frame.pending).toHaveLength(1);
    expect(client.doc.getXmlFragment('th').toString()).toBe('');

    frame.frame();
    expect(origins).toEqual(Array.from({ length: 100 }, () => client));
    expect(Object.fromEntries(seen)).toEqual({ th: 50, lo: 50 });
    expect(client.doc.getXmlFragment('th').toString()).toBe(cells[0]!.toString());
    expect(client.doc.getXmlFragment('lo').toString()).toBe(cells[1]!.toString());
    client.destroy();
  });

  it('applies what was queued before a sync step 2, and says synced after both', () => {
    const server = serverDoc();
    const text = server.doc.getText('minutes');
    const client = provider();
    const frame = byHand();
    applyRemoteUpdatesPerFrame(client, frame.schedule);
    const states: [string, boolean][] = [];
    client.doc.on('afterTransaction', () => states.push([client.doc.getText('minutes').toString(), client.synced]));

    text.insert(0, 'ab');
    text.insert(2, 'c');
    for (const m of server.messages.splice(0)) deliver(client, m);
    // The step 2 carries the whole record, written after the updates above.
    text.insert(3, 'd');
    server.messages.length = 0;
    deliver(
      client,
      message((e) => syncProtocol.writeSyncStep2(e, server.doc)),
    );
    expect(states).toEqual([
      ['ab', false],
      ['abc', false],
      ['abcd', false],
    ]);
    expect(client.synced).toBe(true);
    expect(frame.pending).toHaveLength(0);

    // Updates after the step 2 wait for the next frame again.
    text.insert(4, 'e');
    for (const m of server.messages.splice(0)) deliver(client, m);
    expect(client.doc.getText('minutes').toString()).toBe('abcd');
    frame.frame();
    expect(client.doc.getText('minutes').toString()).toBe('abcde');
    client.destroy();
  });

  it('answers a sync step 1 with what was queued in it', () => {
    const server = serverDoc();
    const client = provider();
    const frame = byHand();
    applyRemoteUpdatesPerFrame(client, frame.schedule);
    server.doc.getText('minutes').insert(0, 'queued');
    for (const m of server.messages.splice(0)) deliver(client, m);

    const answer = deliver(
      client,
      message((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())),
    );
    const elsewhere = new Y.Doc();
    const decoder = decoding.createDecoder(answer!);
    expect(decoding.readVarUint(decoder)).toBe(0);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), elsewhere, null);
    expect(elsewhere.getText('minutes').toString()).toBe('queued');
    client.destroy();
  });

  it('on stop, drops what was queued and gives the stock handler back', () => {
    const server = serverDoc();
    const client = provider();
    const frame = byHand();
    const stock = client.messageHandlers[0];
    const updates = applyRemoteUpdatesPerFrame(client, frame.schedule);
    server.doc.getText('minutes').insert(0, 'late');
    for (const m of server.messages.splice(0)) deliver(client, m);
    updates.stop();
    expect(frame.pending).toHaveLength(0);
    expect(client.messageHandlers[0]).toBe(stock);
    expect(client.doc.getText('minutes').toString()).toBe('');
    client.destroy();
  });

  it('keeps applying the rest of a frame when one update is not a Yjs update', () => {
    const server = serverDoc();
    const client = provider();
    const frame = byHand();
    applyRemoteUpdatesPerFrame(client, frame.schedule);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    deliver(client, updateMessage(new Uint8Array([255, 255, 255])));
    server.doc.getText('minutes').insert(0, 'kept');
    for (const m of server.messages.splice(0)) deliver(client, m);
    frame.frame();
    expect(client.doc.getText('minutes').toString()).toBe('kept');
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    client.destroy();
  });

  // Where a transaction ends decides which format marks Yjs's clean-up deletes: a frame's
  // updates applied in one transaction once left a word bold that every other copy showed plain.
  it(`leaves formatted cells exactly as the updates applied one by one do, 400 random histories (${seedNote()})`, () => {
    const random = seededRandom(testSeed);
    const pick = (n: number) => Math.floor(random() * n);
    for (let history = 0; history < 400; history++) {
      const writers = Array.from({ length: 2 + pick(3) }, () => ({ doc: new Y.Doc(), outbox: [] as Uint8Array[], inbox: [] as Uint8Array[] }));
      for (const writer of writers)
        writer.doc.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin !== 'relayed') writer.outbox.push(update);
        });
      const client = provider();
      const frame = byHand();
      applyRemoteUpdatesPerFrame(client, frame.schedule);
      const oneByOne = new Y.Doc();
      for (let step = 0; step < 80; step++) {
        const writer = writers[pick(writers.length)]!;
        const action = pick(4);
        if (action === 0) {
          const cell = writer.doc.getXmlFragment('cell');
          if (cell.length === 0) cell.insert(0, [new Y.XmlText('')]);
          const text = cell.get(0) as Y.XmlText;
          const choice = random();
          if (text.length > 2 && choice < 0.3) text.format(pick(text.length - 1), 1 + pick(2), { bold: random() < 0.7 ? true : null });
          else if (text.length > 2 && choice < 0.55) text.delete(pick(text.length - 1), 1);
          else text.insert(pick(text.length + 1), ['ข้อ', 'ກອງ', 'ab'][pick(3)]!, random() < 0.3 ? { bold: true } : undefined);
        } else if (action === 1 && writer.outbox.length > 0) {
          // The server relays the writer's next update to everyone, this browser included.
          const update = writer.outbox.shift()!;
          Y.applyUpdate(oneByOne, update);
          deliver(client, updateMessage(update));
          for (const other of writers) if (other !== writer) other.inbox.push(update);
        } else if (action === 2 && writer.inbox.length > 0) Y.applyUpdate(writer.doc, writer.inbox.shift()!, 'relayed');
        else if (random() < 0.3) frame.frame();
      }
      frame.frame();
      expect(client.doc.getXmlFragment('cell').toString(), `history ${history}`).toBe(oneByOne.getXmlFragment('cell').toString());
      client.destroy();
    }
  });
});

describe('after the paint', () => {
  it('runs from a timer where there are no animation frames (a hidden tab), once however often asked', async () => {
    let runs = 0;
    const run = () => runs++;
    afterPaint(run);
    afterPaint(run);
    await vi.waitFor(() => expect(runs).toBe(1));
    // Asked again later, it runs again; the second ask of the first time did not.
    let later = false;
    afterPaint(run);
    afterPaint(() => {
      later = true;
    });
    await vi.waitFor(() => expect(later).toBe(true));
    expect(runs).toBe(2);
  });
});
