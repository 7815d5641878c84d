// The steps every lifecycle route shares: who acts (a participant, never the bare
// administrator token), which version is asked for, and a refused body written to the
// audit log like any other refusal.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Participant } from '../commands/lifecycle-result';
import { auditRefusal } from '../commands/lifecycle-audit';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';
import { apiError, type AppEnv } from './env';
import { invalidBody } from './http';
import { auditActor, type MeetingAccess } from './meeting-access';

/** The participant acting, or null for the administrator, who takes no lifecycle step. */
export function actingParticipant(access: MeetingAccess): Participant | null {
  const { principal } = access;
  if (principal.kind !== 'participant') return null;
  return { actor: principal.actor, participantId: principal.invitation.participantId, name: principal.invitation.name };
}

export async function refuseAdministrator(c: Context<AppEnv>, services: Services, access: MeetingAccess, action: string) {
  await auditRefusal(services, access.meeting.id, auditActor(access.principal), action, { code: 'not-a-participant' });
  return c.json(apiError('not_allowed', 'Lifecycle steps are taken by participants: open your invitation link.'), 403);
}

/** The version asked for: `version` if given, else the meeting's current record. */
export async function versionOf(services: Services, access: MeetingAccess, version: number | undefined): Promise<RecordRow | null> {
  if (version === undefined || version === access.record.version) return access.record;
  const versions = await services.storage.listRecords(access.meeting.id);
  return versions.find((r) => r.version === version) ?? null;
}

interface ValidationResult {
  success: boolean;
  error?: { issues: z.core.$ZodIssue[] };
}

/** The zValidator hook for lifecycle bodies: refuses as `invalidBody` does, and audits it. */
export const auditedInvalidBody =
  (services: Services, code: string, action: string) => async (result: ValidationResult, c: Context) => {
    if (result.success || !result.error) return;
    // zValidator types its hook's context without the app's variables; the middleware set them.
    const principal = (c as Context<AppEnv>).get('principal');
    const meetingId = c.req.param('id');
    if (principal?.kind === 'participant' && meetingId && principal.invitation.meetingId === meetingId) {
      const paths = result.error.issues.map((i) => i.path.map(String).join('.'));
      await auditRefusal(services, meetingId, principal.invitation.participantId, action, { code: 'invalid-body' }, { paths });
    }
    return invalidBody(code)(result, c);
  };
