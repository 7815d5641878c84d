import type { Principal } from '../auth/principal';

/** The Hono environment every route shares: the principal found by the auth middleware. */
export interface AppEnv {
  Variables: { principal: Principal | null };
}

export interface ApiError {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export const apiError = (code: string, message: string, issues?: ApiError['error']['issues']): ApiError => ({
  error: issues ? { code, message, issues } : { code, message },
});
