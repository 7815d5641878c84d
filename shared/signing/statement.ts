// The signature statement: the few facts a head of delegation signs. What is signed is
// its canonical form (RFC 8785) in UTF-8, so the server, the verify page and OpenSSL all
// check the same bytes.
import { z } from 'zod';
import { canonicalBytes, canonicalize } from '../record/jcs';

export const STATEMENT_FORMAT = 'accord.signature-statement/1';

export const recordHashText = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'a UTC time such as 2025-03-12T10:15:00.000Z')
  .refine((t) => Number.isFinite(Date.parse(t)), 'a real date and time');

export const signatureStatement = z.strictObject({
  format: z.literal(STATEMENT_FORMAT),
  recordHash: recordHashText,
  meetingId: z.string().min(1).max(64),
  version: z.number().int().positive(),
  party: z.string().min(1).max(8),
  signerName: z.string().min(1).max(300),
  signerTitle: z.string().max(300),
  signedAt: instant,
});

export type SignatureStatement = z.infer<typeof signatureStatement>;

/** The exact bytes a head's key signs. */
export const statementBytes = (statement: SignatureStatement): Uint8Array<ArrayBuffer> => new Uint8Array(canonicalBytes(statement));

export const statementText = (statement: SignatureStatement): string => canonicalize(statement);
