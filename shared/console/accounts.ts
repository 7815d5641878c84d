// The secretariat's accounts: what the administrator sends to create one, and what an
// officer sends to sign in, set a password, or change it. Checked on the server; the
// console shows the same rules before sending.
import { z } from 'zod';

export const ACCOUNT_ROLES = ['officer', 'administrator'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Long enough to resist guessing at the sign-in limits; no other rule, so passphrases work. */
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;

const password = z
  .string()
  .min(PASSWORD_MIN, `a password of at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `a password of at most ${PASSWORD_MAX} characters`);

/** A sign-in name: an e-mail address or a short name, compared without regard to case. */
const login = z
  .string()
  .trim()
  .min(3)
  .max(120)
  .regex(/^[A-Za-z0-9._@+-]+$/, 'letters, digits and . _ @ + - only')
  .transform((s) => s.toLowerCase());

const partyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, 'a party code of capitals, such as TH');

export const accountInput = z.object({
  name: z.string().trim().min(1).max(200),
  login,
  email: z.string().trim().email().max(200).optional(),
  party: partyCode,
  role: z.enum(ACCOUNT_ROLES).default('officer'),
  /** An initial password the officer must change at first sign-in; without it, a setup link is issued. */
  initialPassword: password.optional(),
});
export type AccountInput = z.infer<typeof accountInput>;

export const signInRequest = z.object({ login, password: z.string().min(1).max(PASSWORD_MAX) });
export const setupLinkRequest = z.object({ token: z.string().min(16).max(200) });
export const setupRequest = setupLinkRequest.extend({ password });
export const passwordChange = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: password });
export const grantRequest = z.object({ login });

/** The first administrator, made on a fresh install with the code `npm start` printed. */
export const firstRunRequest = z.object({
  code: z.string().trim().min(4).max(40),
  name: z.string().trim().min(1).max(200),
  login,
  party: partyCode,
  password,
});
export type FirstRunRequest = z.infer<typeof firstRunRequest>;
