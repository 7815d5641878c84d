// The bytes the load generator speaks, without a Y.Doc: y-websocket framing (Accord and the
// reference server), the same framing behind a document-name prefix (Hocuspocus), or raw
// bytes (the relay). Receivers decode only what they must to name an update or an
// awareness change, so that one process can stand in for thousands of clients.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * 'accord-b': a second Accord (--accord-b <ref or folder>), run beside the first for A/B.
 * 'hocuspocus': Hocuspocus 3.4.4 (the newest for Node 20); 'hocuspocus4': Hocuspocus 4.x
 * (Node 22 or later: always run under the Node 24 of scripts/node24.mjs), in memory;
 * 'hocuspocus4-sqlite': the same with its SQLite extension in every scenario, since Accord
 * stores every update before relaying it and a peer that stores nothing is not like for like.
 */
export const SERVER_KINDS = ['accord', 'accord-b', 'hocuspocus', 'hocuspocus4', 'hocuspocus4-sqlite', 'ywebsocket', 'relay'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];
export const isServerKind = (name: string): name is ServerKind => (SERVER_KINDS as readonly string[]).includes(name);

export const isAccord = (kind: ServerKind): boolean => kind === 'accord' || kind === 'accord-b';
/** Hocuspocus 4.x, in memory or on SQLite: the same server process and the same broadcasts. */
export const isHocuspocus4 = (kind: ServerKind): boolean => kind === 'hocuspocus4' || kind === 'hocuspocus4-sqlite';
/** Both Hocuspocus lines speak the same wire format: the document name before every message. */
export const isHocuspocus = (kind: ServerKind): boolean => kind === 'hocuspocus' || isHocuspocus4(kind);

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
/** Hocuspocus only: its answer to a sync step 1 carries its own step 1 under this type. */
export const MSG_SYNC_REPLY = 4;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** `Y.encodeStateAsUpdate(new Y.Doc())`: what a client with nothing answers to a step 1. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** An empty state vector: "send me everything". */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** How one server kind frames messages of one document. */
export class Framing {
  private readonly prefix: Uint8Array;

  constructor(
    readonly kind: ServerKind,
    readonly docName: string,
  ) {
    const e = encoding.createEncoder();
    if (isHocuspocus(kind)) encoding.writeVarString(e, docName);
    this.prefix = encoding.toUint8Array(e);
  }

  private message(write: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeUint8Array(e, this.prefix);
    write(e);
    return encoding.toUint8Array(e);
  }

  /** Sent on open, before anything else (Hocuspocus waits for its auth message). */
  hello(token: string): Uint8Array[] {
    if (!isHocuspocus(this.kind)) return [];
    return [
      this.message((e) => {
        encoding.writeVarUint(e, MSG_AUTH);
        encoding.writeVarUint(e, 0); // AuthMessageType.Token
        encoding.writeVarString(e, token);
      }),
    ];
  }

  syncStep1(stateVector: Uint8Array = EMPTY_STATE_VECTOR): Uint8Array {
    return this.message((e) => {
      encoding.writeVarUint(e, MSG_SYNC);
      encoding.writeVarUint(e, SYNC_STEP1);
      encoding.writeVarUint8Array(e, stateVector);
    });
  }

  syncStep2(update: Uint8Array = EMPTY_UPDATE): Uint8Array {
    return this.message((e) => {
      encoding.writeVarUint(e, MSG_SYNC);
      encoding.writeVarUint(e, SYNC_STEP2);
      encoding.writeVarUint8Array(e, update);
    });
  }

  update(update: Uint8Array): Uint8Array {
    return this.message((e) => {
      encoding.writeVarUint(e, MSG_SYNC);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint8Array(e, update);
    });
  }

  awareness(awarenessUpdate: Uint8Array): Uint8Array {
    return this.message((e) => {
      encoding.writeVarUint(e, MSG_AWARENESS);
      encoding.writeVarUint8Array(e, awarenessUpdate);
    });
  }

  /** A decoder positioned after the document-name prefix, if any. */
  open(message: Uint8Array): decoding.Decoder {
    const d = decoding.createDecoder(message);
    if (isHocuspocus(this.kind)) decoding.readVarString(d);
    return d;
  }
}

/** One client's awareness change, as y-protocols encodes it. */
export function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify(state));
  return encoding.toUint8Array(e);
}

/**
 * A name for a Yjs update that survives the server re-encoding it: the first struct
 * group's client and starting clock, or, for an update that only deletes, its whole
 * delete set in a canonical order. A server re-encodes what it integrated, so the bytes
 * differ from what was sent, but these do not.
 */
export function updateKey(update: Uint8Array): string {
  const d = decoding.createDecoder(update);
  const groups = decoding.readVarUint(d);
  if (groups > 0) {
    decoding.readVarUint(d); // structs in the group
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    return `${client}:${clock}`;
  }
  const ranges: string[] = [];
  const clients = decoding.readVarUint(d);
  for (let i = 0; i < clients; i++) {
    const client = decoding.readVarUint(d);
    const n = decoding.readVarUint(d);
    for (let j = 0; j < n; j++) ranges.push(`${client}.${decoding.readVarUint(d)}.${decoding.readVarUint(d)}`);
  }
  ranges.sort();
  return `d${ranges.join(',')}`;
}

/** The first client and clock of an awareness update. */
export function awarenessKey(update: Uint8Array): string {
  const d = decoding.createDecoder(update);
  if (decoding.readVarUint(d) === 0) return 'a-';
  const client = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return `a${client}:${clock}`;
}
