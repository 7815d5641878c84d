import type { Principal } from '../auth/principal';
import type { Issue } from '../../shared/issues';

/** The Hono environment every route shares: the principal found by the auth middleware. */
export interface AppEnv {
  Variables: { principal: Principal | null };
}

export interface ApiError {
  error: { code: string; message: string; issues?: Issue[] };
}

export const apiError = (code: string, message: string, issues?: ApiError['error']['issues']): ApiError => ({
  error: issues ? { code, message, issues } : { code, message },
});
