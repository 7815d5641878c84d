// Who is on a printed invitation sheet: a party, only those not yet joined, or named
// participants (the query may repeat `participant`); and the language of its title.
import { z } from 'zod';

export const sheetQuery = z.object({
  party: z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/).optional(),
  notJoined: z.enum(['true', 'false']).optional(),
  participant: z.union([z.string().max(64), z.array(z.string().max(64)).max(2000)]).optional(),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional(),
});
