// Bodies of the history endpoints, checked on the server and typed for the client.
import { z } from 'zod';

export const ITEM_KINDS = ['agenda-item', 'segment', 'action-point'] as const;

export const namedVersionRequest = z.object({ name: z.string().trim().min(1).max(200) });

export const restoreRequest = z.object({ kind: z.enum(ITEM_KINDS), itemId: z.string().min(1).max(200) });
