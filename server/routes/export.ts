// Exports of the record, mounted at /api/meetings: a party's original as PDF or DOCX, and
// the signed bundle as JSON (the one address that serves it). Only the secretariat and the
// heads of delegation export; every export and every refusal is written to the audit log.
import { Hono, type Context } from 'hono';
import { validator } from './validator';
import { z } from 'zod';
import { bundleFileText } from '../../shared/signing/bundle';
import { auditRefusal } from '../commands/lifecycle-audit';
import { audit } from '../audit';
import { loadExportSource, originalSource, type ExportSource } from '../export/export-source';
import { bundleDownloadName, originalFileName, type ExportFormat } from '../export/file-names';
import { UnknownParty, originalFor, type Original } from '../export/original';
import type { Services } from '../services';
import type { AppEnv } from './env';
import { doc } from './route-doc';
import { auditedInvalidBody, baseUrl } from './http';
import { meetingAccess, refuse, versionOf } from './meeting-access';

const exportQuery = z.object({
  original: z.string().trim().max(16).optional(),
  version: z.coerce.number().int().positive().optional(),
});

const CONTENT_TYPES: Record<ExportFormat | 'bundle', string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  bundle: 'application/json; charset=utf-8',
};

export function exportRoutes(services: Services) {
  /** The first steps every export shares: who, which meeting, allowed, which version. */
  async function prepare(c: Context<AppEnv>, format: ExportFormat | 'bundle', version: number | undefined) {
    const action = `export.${format}` as const;
    const access = await meetingAccess(c, services, 'export', { step: action });
    if (access instanceof Response) return access;
    const { actor } = access;
    const record = await versionOf(services, access, version);
    if (!record) {
      // versionOf finds the current record when no version is named: one was, and is not there.
      const refusal = { code: 'no-such-version', version: version ?? access.record.version } as const;
      await auditRefusal(services, access.meeting.id, actor, action, refusal);
      return refuse(c, refusal);
    }
    return { access, actor, action, source: await loadExportSource(services, access.meeting, record) };
  }

  async function original(c: Context<AppEnv>, format: ExportFormat, query: z.infer<typeof exportQuery>) {
    const ready = await prepare(c, format, query.version);
    if (ready instanceof Response) return ready;
    const { access, actor, action, source } = ready;
    let chosen: Original;
    try {
      chosen = originalFor(originalSource(source), query.original ?? '', `${baseUrl(c, services.config)}/verify`);
    } catch (err) {
      if (!(err instanceof UnknownParty)) throw err;
      const refusal = { code: 'unknown-party', parties: err.parties } as const;
      await auditRefusal(services, access.meeting.id, actor, action, refusal, { original: query.original ?? null });
      return refuse(c, refusal);
    }
    const now = services.now();
    // The typesetting (fonts, HarfBuzz, pdfkit, docx) loads with the first export, not when the server starts.
    const bytes =
      format === 'pdf'
        ? await (await import('../export/pdf/write-pdf')).writePdf(chosen, now)
        : await (await import('../export/docx/write-docx')).writeDocx(chosen, now);
    await audit(services, access.meeting.id, actor, action, detail(source, { original: chosen.party.code, bytes: bytes.length }));
    return file(c, bytes, originalFileName(access.meeting.code, chosen.party.code, format), CONTENT_TYPES[format]);
  }

  return new Hono<AppEnv>()
    .get(
      '/:id/export/pdf',
      doc({ summary: 'A party’s original as PDF', tag: 'Export', answers: 'application/pdf' }),
      validator('query', exportQuery, auditedInvalidBody(services, 'invalid_query', 'export.pdf')),
      (c) => original(c, 'pdf', c.req.valid('query')),
    )
    .get(
      '/:id/export/docx',
      doc({ summary: 'A party’s original as DOCX', tag: 'Export', answers: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
      validator('query', exportQuery, auditedInvalidBody(services, 'invalid_query', 'export.docx')),
      (c) => original(c, 'docx', c.req.valid('query')),
    )
    .get(
      '/:id/export/bundle',
      doc({ summary: 'The signed bundle (JSON)', tag: 'Export' }),
      validator('query', exportQuery, auditedInvalidBody(services, 'invalid_query', 'export.bundle')),
      async (c) => {
        const ready = await prepare(c, 'bundle', c.req.valid('query').version);
        if (ready instanceof Response) return ready;
        const { access, actor, action, source } = ready;
        if (!source.bundle) {
          const refusal = { code: 'not-locked' } as const;
          await auditRefusal(services, access.meeting.id, actor, action, refusal);
          return refuse(c, refusal);
        }
        const bytes = Buffer.from(bundleFileText(source.bundle), 'utf8');
        await audit(services, access.meeting.id, actor, action, detail(source, { bytes: bytes.length }));
        return file(c, bytes, bundleDownloadName(access.meeting.code, source.record), CONTENT_TYPES.bundle);
      },
    );
}

function detail(source: ExportSource, extra: Record<string, unknown>): Record<string, unknown> {
  return { version: source.record.version, state: source.record.state, recordHash: source.recordHash, ...extra };
}

function file(c: Context<AppEnv>, bytes: Buffer, name: string, type: string) {
  // The record holds case references: no cache may keep a copy.
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': type,
    'content-length': String(bytes.length),
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
}
