// A message framed once as the WebSocket frame a server sends (RFC 6455 §5.2: final,
// binary, unmasked) and written as it is to every socket it goes to. ws would frame it
// again for each socket; and a whole record would be copied to put the sync header
// before it, which on a long record costs more than sending it.

export interface Frame {
  /** The bytes on the wire: the frame header, then the message, small pieces joined. */
  readonly wire: readonly Uint8Array[];
  /** How many of them are the frame header. */
  readonly headerLength: number;
}

/** Pieces under this size are copied together with the header: one write per socket. */
const JOIN_BELOW = 16 * 1024;

const FIN_BINARY = 0x82;

export function binaryFrame(...message: Uint8Array[]): Frame {
  const length = message.reduce((total, piece) => total + piece.byteLength, 0);
  const wire: Uint8Array[] = [];
  const header = frameHeader(length);
  let joined: Uint8Array[] = [header];
  for (const piece of message) {
    if (piece.byteLength < JOIN_BELOW) {
      joined.push(piece);
      continue;
    }
    wire.push(Buffer.concat(joined), piece);
    joined = [];
  }
  if (joined.length > 0) wire.push(Buffer.concat(joined));
  return { wire, headerLength: header.byteLength };
}

/** The message a frame carries, in one piece: for a socket without a raw stream to write it to. */
export const messageOf = (frame: Frame): Uint8Array => Buffer.concat(frame.wire).subarray(frame.headerLength);

function frameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([FIN_BINARY, length]);
  if (length < 0x10000) {
    const header = Buffer.allocUnsafe(4);
    header[0] = FIN_BINARY;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.allocUnsafe(10);
  header[0] = FIN_BINARY;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}
