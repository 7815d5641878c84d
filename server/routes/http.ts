// Small pieces every route uses the same way.
import type { Context } from 'hono';
import type { Config } from '../config';
import type { z } from 'zod';
import { issuesOf } from '../../shared/issues';
import type { AttemptedStep } from '../../shared/audit-actions';
import { auditRefusal } from '../commands/lifecycle-audit';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { refuse } from './meeting-access';

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

/** The validator's hook: a refused body names every problem by its path, in `issues` and in the message. */
export const invalidBody = (code: string) => (result: ValidationResult, c: Context) => {
  if (result.success || !result.error) return;
  return refuse(c, { code: 'invalid-request', answerCode: code, issues: issuesOf(result.error) });
};

/** The validator's hook for a step the audit log follows: refuses as `invalidBody` does, and writes `<step>.refused`. */
export const auditedInvalidBody = (services: Services, code: string, step: AttemptedStep) => async (result: ValidationResult, c: Context) => {
  if (result.success || !result.error) return;
  // zValidator types its hook's context without the app's variables; the middleware set them.
  const principal = (c as Context<AppEnv>).get('principal');
  const meetingId = c.req.param('id');
  if (principal?.kind === 'participant' && meetingId && principal.invitation.meetingId === meetingId) {
    const paths = result.error.issues.map((i) => i.path.map(String).join('.'));
    await auditRefusal(services, meetingId, principal.invitation.participantId, step, { code: 'invalid-body' }, { paths });
  }
  return invalidBody(code)(result, c);
};
