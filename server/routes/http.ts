// Small pieces every route uses the same way.
import type { Context } from 'hono';
import type { Config } from '../config';
import type { z } from 'zod';
import { issuesOf } from '../../shared/issues';
import { apiError } from './env';

/** The address invitation links point at: PUBLIC_URL, else the one the request came to. */
export function baseUrl(c: Context, config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const url = new URL(c.req.url);
  const proto = config.trustProxy ? (c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '')) : url.protocol.replace(':', '');
  return `${proto}://${c.req.header('host') ?? url.host}`;
}

export function isHttps(c: Context, config: Config): boolean {
  if (config.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

interface ValidationResult {
  success: boolean;
  error?: { issues: z.core.$ZodIssue[] };
}

/** The zValidator hook: a refused body names every problem by its path. */
export const invalidBody =
  (code: string) =>
  (result: ValidationResult, c: Context) => {
    if (result.success || !result.error) return;
    const issues = issuesOf(result.error);
    return c.json(apiError(code, 'The request was refused; nothing was stored.', issues), 400);
  };
