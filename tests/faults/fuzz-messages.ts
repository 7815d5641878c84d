// Arbitraries for the sync fuzzer: every kind of message a broken or hostile client
// could send, built with fast-check so a failing run can be replayed from its seed.
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

const syncUpdateMessage = (update: Uint8Array, step = 2) =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, update);
  });

/** Real updates of the kinds a record holds, to be mutated byte by byte. */
export function realUpdates(count: number, seed: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 1_000_000 + seed; // unlike any honest client, so mutations do not collide by luck
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const words = ['ประชุม', 'ກອງປະຊຸມ', 'meeting', 'ຜູ້ເສຍຫາຍ', 'ผู้เสียหาย', '[ ]'];
  for (let i = 0; updates.length < count; i++) {
    const word = words[i % words.length]!;
    switch (i % 5) {
      case 0:
        doc.getText('fuzz').insert(0, word);
        break;
      case 1:
        doc.getMap('fuzzMap').set(`k${i % 7}`, { word, n: i });
        break;
      case 2:
        doc.getArray('fuzzArray').push([word, i]);
        break;
      case 3: {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(word)]);
        doc.getXmlFragment('fuzzXml').insert(0, [paragraph]);
        break;
      }
      default:
        if (doc.getText('fuzz').length > 2) doc.getText('fuzz').delete(1, 1);
        else doc.getText('fuzz').insert(0, word);
    }
  }
  return updates;
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate'),
  byte: fc.integer({ min: 0, max: 255 }),
});

function mutate(bytes: Uint8Array, mutations: { at: number; kind: string; byte: number }[]): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'flip') out[at] = (out[at] ?? 0) ^ (1 << (m.byte % 8));
    else if (m.kind === 'set') out[at] = m.byte;
    else if (m.kind === 'insert') out.splice(at, 0, m.byte);
    else if (m.kind === 'delete') out.splice(at, 1);
    else out = out.slice(0, at);
  }
  return Uint8Array.from(out);
}

const overlongVarint = fc.integer({ min: 6, max: 16 }).map((n) => Uint8Array.from([...Array(n).fill(0xff), 0x01]));
const truncatedVarint = fc.constantFrom(Uint8Array.from([0x80]), Uint8Array.from([0x00, 0x80]), Uint8Array.from([0x01, 0xff]));

const awarenessUpdate = (entries: { clientId: number; clock: number; state: string }[]) =>
  frame((e) => {
    encoding.writeVarUint(e, 1);
    const inner = frame((a) => {
      encoding.writeVarUint(a, entries.length);
      for (const entry of entries) {
        encoding.writeVarUint(a, entry.clientId);
        encoding.writeVarUint(a, entry.clock);
        encoding.writeVarString(a, entry.state);
      }
    });
    encoding.writeVarUint8Array(e, inner);
  });

export function fuzzMessage(pool: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const anyType = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.uint8Array({ maxLength: 48 })).map(([type, payload]) =>
    frame((e) => {
      encoding.writeVarUint(e, type);
      encoding.writeUint8Array(e, payload);
    }),
  );
  const wrongSync = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.uint8Array({ maxLength: 64 })).map(([step, payload]) => syncUpdateMessage(payload, step));
  const mutatedUpdate = fc
    .tuple(fc.nat(pool.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(1, 2))
    .map(([i, ms, step]) => syncUpdateMessage(mutate(pool[i]!, ms), step));
  const validUpdate = fc.nat(pool.length - 1).map((i) => syncUpdateMessage(pool[i]!));
  const stateVector = fc.uint8Array({ maxLength: 24 }).map((sv) => syncUpdateMessage(sv, 0));
  const awareness = fc
    .array(
      fc.record({
        clientId: fc.oneof(fc.nat(), fc.constant(0xffffffff)),
        clock: fc.nat(),
        state: fc.oneof(fc.json(), fc.string({ maxLength: 40 }), fc.constant(JSON.stringify({ pad: 'x'.repeat(10_000) }))),
      }),
      { maxLength: 6 },
    )
    .map(awarenessUpdate);
  const wrongAwareness = fc.uint8Array({ maxLength: 40 }).map((bytes) =>
    frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, bytes);
    }),
  );
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 96 }), weight: 3 },
    { arbitrary: overlongVarint, weight: 1 },
    { arbitrary: truncatedVarint, weight: 1 },
    { arbitrary: anyType, weight: 2 },
    { arbitrary: wrongSync, weight: 2 },
    { arbitrary: mutatedUpdate, weight: 5 },
    { arbitrary: validUpdate, weight: 1 },
    { arbitrary: stateVector, weight: 1 },
    { arbitrary: awareness, weight: 3 },
    { arbitrary: wrongAwareness, weight: 1 },
  );
}
