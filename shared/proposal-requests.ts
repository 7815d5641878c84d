// What a client sends to make or decide a party proposal, checked alike on both sides.
import { z } from 'zod';

/** A cell's proposed wording: plain text, one paragraph a line. */
const PROPOSAL_MAX_CHARS = 20_000;

export const proposalRequest = z.object({
  segmentId: z.string().min(1).max(64),
  language: z.string().min(2).max(35),
  text: z.string().max(PROPOSAL_MAX_CHARS),
});

export const proposalDecision = z.object({ decision: z.enum(['accepted', 'rejected']) });
