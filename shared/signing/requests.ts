// Bodies of the lifecycle endpoints (POST /api/meetings/:id/{lock,unlock,sign,amend,keys}),
// checked by the server and usable by the client to shape what it sends.
import { z } from 'zod';
import { decodeBase64Url, isBase64Url } from './base64';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from './keys';
import { signatureStatement } from './statement';

const base64UrlBytes = (length: number, what: string) =>
  z.string().refine((s) => isBase64Url(s) && decodeBase64Url(s).length === length, `${what}: ${length} bytes, base64url`);

export const enrolKeyRequest = z.strictObject({
  publicKey: base64UrlBytes(PUBLIC_KEY_BYTES, 'a raw Ed25519 public key'),
});

export const signRequest = z.strictObject({
  statement: signatureStatement,
  signature: base64UrlBytes(SIGNATURE_BYTES, 'an Ed25519 signature'),
});

/** Unlocking voids signatures and amending reopens a signed record: both say why. */
export const reasonedRequest = z.strictObject({
  reason: z.string().trim().max(500).optional(),
});

export type SignRequest = z.infer<typeof signRequest>;

/** `?version=N` on GET /record and /bundle: an earlier version; the current one when absent. */
export const versionQuery = z.object({
  version: z.coerce.number().int().positive().optional(),
});
