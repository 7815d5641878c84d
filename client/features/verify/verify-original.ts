// An original (PDF or Word) is verified by the server: it makes the original again from the
// bundle the file carries and compares every byte (POST /api/verify), which this browser
// cannot do without the fonts and the shaper. The call goes through the typed client, so
// the verdict's shape is the route's own.
import type { Verdict } from '../../../shared/signing/verdict';
import { call, server } from '../../connection/http';
import { UnreadableFile } from './read-bundle';

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** The server's verdict on an original: its bundle, and every byte of the file against it. */
export async function verifyOriginal(bytes: Uint8Array, from: keyof typeof TYPES): Promise<Verdict> {
  // The route reads the body as the file itself: sent whole, with its own type.
  const upload = { init: { body: new Uint8Array(bytes), headers: { 'content-type': TYPES[from] } } };
  // Refused (not an original, no bundle in it) or out of reach: the page says the server could not check it.
  return call(
    () => server.api.verify.$post(undefined, upload),
    () => new UnreadableFile('server'),
  );
}
