// A console register handed over as a file: named for the register and the day it was drawn
// up, so two downloads on different days do not overwrite each other in the officer's folder.
import type { Context } from 'hono';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type RegisterFormat = keyof typeof TYPES;

/** The OpenAPI answer type of a register in `format`. */
export const registerMediaType = (format: RegisterFormat) => TYPES[format].split(';')[0]!;

export function registerDownload(c: Context, name: string, today: string, format: RegisterFormat, body: string | Uint8Array<ArrayBuffer>) {
  c.header('content-disposition', `attachment; filename="${name}-${today}.${format}"`);
  return c.body(body, 200, { 'content-type': TYPES[format] });
}
