// Who is on a printed invitation sheet: a party, only those not yet joined, or named
// participants; and the language of its title. Sent as the body of the POST that issues
// the sheet's links: a sheet replaces links, so it is never a GET.
import { z } from 'zod';

export const sheetRequest = z.object({
  party: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,7}$/)
    .optional(),
  notJoined: z.boolean().optional(),
  participants: z.array(z.string().max(64)).max(2000).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});
export type SheetRequest = z.infer<typeof sheetRequest>;
