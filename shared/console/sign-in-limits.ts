// How many sign-ins an account, and an address, may try, as a pure rule over what was tried
// before: a failed attempt makes the next on that login wait, longer each time (1 s, 2 s,
// 4 s, 8 s), and five within the window lock the login until the oldest leaves it, the right
// password included; twenty from one address lock the address. The server asks this rule
// and notes the attempt in one atomic step, before the password is hashed, so a burst of
// parallel guesses is judged one by one, each against those before it.

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  /** Failures on one login within the window before it is refused for the rest of it. */
  perAccount: 5,
  /** Failures from one address, on any logins, within the window. */
  perAddress: 20,
  /** The wait after the first failure on a login; each further failure doubles it. */
  firstDelaySeconds: 1,
} as const;

/** The attempts noted under one key (a login, an address) within the window. */
export interface AttemptTally {
  count: number;
  /** ISO times of the oldest and latest of them; null when there are none. */
  oldest: string | null;
  latest: string | null;
}

export type SignInAdmission = { admit: true } | { admit: false; limit: 'account' | 'address'; retryAfterSeconds: number };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function admitSignIn(login: AttemptTally, address: AttemptTally, now: Date): SignInAdmission {
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
  const at = now.getTime();
  if (login.count >= SIGN_IN_LIMITS.perAccount)
    return { admit: false, limit: 'account', retryAfterSeconds: seconds(Date.parse(login.oldest!) + windowMs - at) };
  if (address.count >= SIGN_IN_LIMITS.perAddress)
    return { admit: false, limit: 'address', retryAfterSeconds: seconds(Date.parse(address.oldest!) + windowMs - at) };
  if (login.count > 0) {
    const wait = SIGN_IN_LIMITS.firstDelaySeconds * 1000 * 2 ** (login.count - 1);
    const until = Date.parse(login.latest!) + wait;
    if (at < until) return { admit: false, limit: 'account', retryAfterSeconds: seconds(until - at) };
  }
  return { admit: true };
}
