// The record's lifecycle over HTTP: lock, unlock, sign, amend, key enrolment, and the
// record, versions and audit log to read; and POST /api/verify, open to anyone. The signed
// bundle is an export (routes/export.ts); its old address here redirects there.
// Mounted at /api. Each handler: validate, load and authorize, call a command, present.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from './validator';
import { enrolKeyRequest, reasonedRequest, signRequest, versionQuery } from '../../shared/signing/requests';
import { reasonText, type Verdict } from '../../shared/signing/verdict';
import { isPdf } from '../../shared/signing/pdf-bundle';
import { NoAttachedBundle } from '../../shared/signing/pdf-bundle';
import { isZip } from '../export/zip-file';
import { verifyBundle } from '../../shared/signing/verify';
import { amendRecord } from '../commands/amend-record';
import { enrolKey } from '../commands/enrol-key';
import { checkedAudit } from '../audit';
import type { CommandResult } from '../commands/lifecycle-result';
import { lockRecord } from '../commands/lock-record';
import { loadRecordFacts } from '../commands/record-facts';
import { signRecord } from '../commands/sign-record';
import { unlockRecord } from '../commands/unlock-record';
import { fingerprintOf, presentAudit, presentKey, presentRecord, presentVersions } from '../presenters/lifecycle';
import { presentRefusal } from '../presenters/refusal';
import type { Services } from '../services';
import type { RecordRow } from '../storage/storage';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { auditedInvalidBody, invalidBody } from './http';
import { meetingAccess, refuse, versionOf } from './meeting-access';

const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

export function lifecycleRoutes(services: Services) {
  const body = {
    unlock: validator('json', reasonedRequest, auditedInvalidBody(services, 'invalid_unlock_request', 'record.unlock')),
    sign: validator('json', signRequest, auditedInvalidBody(services, 'invalid_signature', 'record.sign')),
    amend: validator('json', reasonedRequest, auditedInvalidBody(services, 'invalid_amend_request', 'record.amend')),
    key: validator('json', enrolKeyRequest, auditedInvalidBody(services, 'invalid_key', 'key.enrol')),
  };
  const version = validator('query', versionQuery, invalidBody('invalid_query'));
  const noSuchVersion = (v: number | undefined) => presentRefusal({ code: 'no-such-version', version: v ?? 0 }).body;

  const refusedOr = <T, R>(result: CommandResult<T>, present: (value: T) => R) =>
    result.ok ? ({ ok: true, body: present(result.value) } as const) : ({ ok: false, ...presentRefusal(result.refusal) } as const);

  const recordView = (r: { record: RecordRow }) => ({
    documentId: r.record.documentId,
    version: r.record.version,
    state: r.record.state,
    recordHash: r.record.recordHash,
    fingerprint: fingerprintOf(r.record.recordHash),
  });

  return (
    new Hono<AppEnv>()
      .post(
        '/meetings/:id/lock',
        doc({ summary: 'Locks the record (secretariat): the text freezes and its hash is computed', tag: 'Lifecycle' }),
        async (c) => {
          const access = await meetingAccess(c, services, 'lock', { step: 'record.lock' });
          if (access instanceof Response) return access;
          const by = access.by!;
          const out = refusedOr(await lockRecord(services, access.meeting, by), recordView);
          return out.ok ? c.json(out.body, 200) : c.json(out.body, out.status);
        },
      )
      .post(
        '/meetings/:id/unlock',
        doc({ summary: 'Unlocks a locked record back to draft, voiding any signature (secretariat)', tag: 'Lifecycle' }),
        body.unlock,
        async (c) => {
          const access = await meetingAccess(c, services, 'unlock', { step: 'record.unlock' });
          if (access instanceof Response) return access;
          const by = access.by!;
          const result = await unlockRecord(services, access.meeting, by, c.req.valid('json').reason);
          const out = refusedOr(result, (v) => ({ ...recordView(v), voidedSignatures: v.voided.map((s) => s.party) }));
          return out.ok ? c.json(out.body, 200) : c.json(out.body, out.status);
        },
      )
      .post(
        '/meetings/:id/sign',
        doc({ summary: 'Signs the locked record for the head’s party', tag: 'Lifecycle' }),
        bodyLimit({ maxSize: 64 * 1024 }),
        body.sign,
        async (c) => {
          const access = await meetingAccess(c, services, 'sign', { step: 'record.sign' });
          if (access instanceof Response) return access;
          const by = access.by!;
          const result = await signRecord(services, access.meeting, by, c.req.valid('json'));
          const out = refusedOr(result, (v) => ({ ...recordView(v), party: v.signature.party, complete: v.complete }));
          return out.ok ? c.json(out.body, 201) : c.json(out.body, out.status);
        },
      )
      .post('/meetings/:id/amend', doc({ summary: 'Starts a new version from a signed record (secretariat)', tag: 'Lifecycle' }), body.amend, async (c) => {
        const access = await meetingAccess(c, services, 'amend', { step: 'record.amend' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const result = await amendRecord(services, access.meeting, by, c.req.valid('json').reason);
        const out = refusedOr(result, (v) => ({ ...recordView(v), previousRecordHash: v.previous.recordHash }));
        return out.ok ? c.json(out.body, 201) : c.json(out.body, out.status);
      })
      .post('/meetings/:id/keys', doc({ summary: 'Enrols the head’s public signing key for their party', tag: 'Lifecycle' }), body.key, async (c) => {
        const access = await meetingAccess(c, services, 'enrolKey', { step: 'key.enrol' });
        if (access instanceof Response) return access;
        const by = access.by!;
        const result = await enrolKey(services, access.meeting, by, c.req.valid('json').publicKey);
        const out = refusedOr(result, (v) => ({ ...presentKey(v.key), replaced: v.replaced }));
        if (!out.ok) return c.json(out.body, out.status);
        return c.json(out.body, result.ok && result.value.changed ? 201 : 200);
      })
      .get(
        '/meetings/:id/record',
        doc({ summary: 'One version of the record: its canonical record, hash, signatures and keys', tag: 'Lifecycle' }),
        version,
        async (c) => {
          const access = await meetingAccess(c, services, 'read');
          if (access instanceof Response) return access;
          const record = await versionOf(services, access, c.req.valid('query').version);
          if (!record) return c.json(noSuchVersion(c.req.valid('query').version), 404);
          const facts = await loadRecordFacts(services, access.meeting, record);
          const keys = await services.storage.listPartyKeys(access.meeting.id);
          return c.json(presentRecord(facts, keys, services.now()), 200);
        },
      )
      // The signed bundle is exported in one place; links made before keep working.
      .get('/meetings/:id/bundle', doc({ summary: 'The signed bundle’s former address: 308 to /export/bundle', tag: 'Lifecycle' }), (c) => {
        const query = new URL(c.req.url).search;
        return c.redirect(`/api/meetings/${encodeURIComponent(c.req.param('id'))}/export/bundle${query}`, 308);
      })
      .get('/meetings/:id/versions', doc({ summary: 'Every version of the record', tag: 'Lifecycle' }), async (c) => {
        const access = await meetingAccess(c, services, 'read');
        if (access instanceof Response) return access;
        return c.json(presentVersions(access.meeting, await services.storage.listRecords(access.meeting.id)), 200);
      })
      .get('/meetings/:id/audit', doc({ summary: 'The meeting’s audit log, and what checking its seals found', tag: 'Lifecycle' }), async (c) => {
        const access = await meetingAccess(c, services, 'readAudit', { step: 'audit.read' });
        if (access instanceof Response) return access;
        const { entries, check } = await checkedAudit(services, access.meeting.id);
        const invitations = await services.storage.listInvitations(access.meeting.id);
        const accounts = await services.storage.listAccounts();
        return c.json(presentAudit(entries, check, invitations, accounts), 200);
      })
      .post(
        '/verify',
        doc({
          summary: 'Verifies a signed bundle, or an original PDF or DOCX (anyone)',
          tag: 'Lifecycle',
          upload: [
            'application/json',
            'application/pdf',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/octet-stream',
          ],
        }),
        bodyLimit({ maxSize: MAX_BUNDLE_BYTES }),
        async (c) => {
          const bytes = new Uint8Array(await c.req.arrayBuffer());
          let verdict: Verdict;
          if (isPdf(bytes) || isZip(bytes)) {
            try {
              // The typesetting (fonts, HarfBuzz, pdfkit, docx) loads when an original is first verified, not when the server starts.
              const { verifyDocxOriginal, verifyPdfOriginal } = await import('../export/verify-original');
              verdict = (await (isPdf(bytes) ? verifyPdfOriginal(bytes) : verifyDocxOriginal(bytes))).verdict;
            } catch (err) {
              if (!(err instanceof NoAttachedBundle)) throw err;
              return refuse(c, { code: 'no-bundle' });
            }
          } else {
            let bundle: unknown;
            try {
              bundle = JSON.parse(new TextDecoder().decode(bytes));
            } catch {
              return refuse(c, { code: 'not-json' });
            }
            verdict = await verifyBundle(bundle);
          }
          const reasons = verdict.reasons.map((r) => ({ ...r, message: reasonText(r) }));
          return c.json({ ...verdict, fingerprint: fingerprintOf(verdict.recordHash), reasons }, 200);
        },
      )
  );
}
