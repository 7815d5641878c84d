// The signed originals carry the case annex: the lock seals it beside the record, the bundle
// and both originals carry it as sealed (whatever is done to the cases afterwards), the pages
// print it in each party's words, and verification finds it changed or removed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEntry } from '../../shared/cases/case';
import type { SignedBundle } from '../../shared/signing/bundle';
import { TH_LA_CASES } from '../helpers/case-annex';
import { exportFile, pdfPages } from '../helpers/export-tools';
import { replaceSameLength } from '../helpers/pdf-surgery';
import { agreeEverything, api, signedBundleText } from '../helpers/lifecycle';
import { createMeeting, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { storageKinds } from '../helpers/storages';

interface VerifyAnswer {
  valid: boolean;
  pages?: string;
  reasons: { code: string; how?: string; message: string }[];
}

describe.each(storageKinds('accord_annex_originals'))('the case annex in the signed originals, on $name', (storage) => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let sealed: SignedBundle;
  const path = (rest: string) => `/api/meetings/${meeting.meetingId}/${rest}`;
  const verify = async (bytes: Buffer | string) => {
    const type = typeof bytes === 'string' ? 'application/json' : 'application/octet-stream';
    const res = await fetch(`${server.url}/api/verify`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
    });
    return { status: res.status, body: (await res.json()) as VerifyAnswer };
  };

  beforeAll(async () => {
    server = await storage.start();
    meeting = await createMeeting(server);
    const secretariat = tokenOf(meeting, 'secretariat', 'TH');
    for (const entry of TH_LA_CASES) {
      const { sides, stage, repatriatedOn, nextStep, due } = entry;
      const added = await api(server, secretariat, 'POST', path('cases'), { sides, stage, repatriatedOn, nextStep, due });
      if (added.status !== 201) throw new Error(`case refused: ${JSON.stringify(added.body)}`);
    }
    const { digest } = (await api<{ digest: string }>(server, secretariat, 'GET', path('cases'))).body;
    for (const party of ['TH', 'LA']) await api(server, tokenOf(meeting, 'head', party), 'POST', path('cases/agreement'), { digest, agreed: true });
    sealed = JSON.parse(await signedBundleText(server, meeting)) as SignedBundle;
  }, 120_000);
  afterAll(async () => {
    await storage.stop(server);
  });

  it('seals the annex with the record: the bundle carries it, and its digest is the one signed', async () => {
    expect(sealed.record.caseAnnex?.cases).toBe(2);
    expect(sealed.caseAnnex?.cases.map((c) => c.sides.map((s) => s.reference))).toEqual([
      ['TH-2025-0141', 'LA-0387'],
      ['TH-2024-0892', 'LA-0311'],
    ]);
    const verdict = await verify(`${JSON.stringify(sealed)}\n`);
    expect(verdict.body).toMatchObject({ valid: true, reasons: [] });
  });

  it('keeps the annex as sealed when the cases change afterwards (an amendment edits its own copy)', async () => {
    const secretariat = tokenOf(meeting, 'secretariat', 'TH');
    expect((await api(server, secretariat, 'POST', path('cases'), { sides: [{ party: 'TH', reference: 'TH-2025-0200' }], stage: 'identified' })).status).toBe(
      409,
    );
    expect((await api(server, secretariat, 'POST', path('amend'), {})).status).toBe(201);
    const v2 = (await api<{ cases: CaseEntry[] }>(server, secretariat, 'GET', path('cases'))).body.cases;
    const { sides, nextStep, due } = v2[0]!;
    expect((await api(server, secretariat, 'PUT', path(`cases/${v2[0]!.id}`), { sides, stage: 'closed', nextStep, due })).status).toBe(200);

    const bundleNow = await exportFile(server, meeting, secretariat, 'bundle?version=1');
    expect(JSON.parse(bundleNow.bytes.toString('utf8'))).toEqual(sealed);
  });

  it('prints the annex in both originals, in Thai, Lao and English, and both verify with their pages identical', async () => {
    const secretariat = tokenOf(meeting, 'secretariat', 'TH');
    const pdf = await exportFile(server, meeting, secretariat, 'pdf?original=TH&version=1');
    const docx = await exportFile(server, meeting, tokenOf(meeting, 'secretariat', 'LA'), 'docx?original=LA&version=1');
    expect([pdf.status, docx.status]).toEqual([200, 200]);

    const text = (await pdfPages(pdf.bytes)).join('\n');
    for (const words of [
      'ภาคผนวกกรณี',
      'ເອກະສານຊ້ອນທ້າຍກໍລະນີ',
      'Case annex',
      'พิสูจน์สัญชาติแล้ว',
      'ພິສູດສັນຊາດແລ້ວ',
      'Nationality verified',
      'TH-2025-0141',
      'LA-0311',
      '15 พฤษภาคม 2568',
    ])
      expect(text, words).toContain(words);
    // Stage names of the sealed annex, not of the amendment's copy closed since.
    expect(text).not.toContain('ปิดกรณี');

    for (const file of [pdf, docx]) {
      const verdict = await verify(file.bytes);
      expect(verdict.body, file.fileName ?? '').toMatchObject({ valid: true, pages: 'identical', reasons: [] });
    }
  });

  it('finds an annex changed or removed, and says which', async () => {
    const changed = structuredClone(sealed);
    changed.caseAnnex!.cases[0]!.stage = 'closed';
    const removed: Partial<SignedBundle> = structuredClone(sealed);
    delete removed.caseAnnex;
    delete removed.caseAnnexBytes;
    const faults = async (bundle: unknown) => (await verify(JSON.stringify(bundle))).body.reasons.map((r) => [r.code, r.how]);
    expect(await faults(changed)).toEqual([['case-annex-mismatch', 'changed']]);
    expect(await faults(removed)).toEqual([['case-annex-mismatch', 'missing']]);
    expect((await verify(JSON.stringify(removed))).body.reasons[0]!.message).toMatch(/annex was removed/);
  });

  it('finds the annex changed inside a PDF original, over the API and with the verify command', async () => {
    const pdf = await exportFile(server, meeting, tokenOf(meeting, 'secretariat', 'TH'), 'pdf?original=TH&version=1');
    const forged = replaceSameLength(pdf.bytes, '"stage": "nationality-verified"', '"stage": "repatriation-agreed" ');
    const verdict = (await verify(forged)).body;
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons.map((r) => r.code).sort()).toEqual(['case-annex-mismatch', 'pages-differ']);

    const dir = mkdtempSync(join(tmpdir(), 'accord-annex-'));
    try {
      writeFileSync(join(dir, 'forged.pdf'), forged);
      const run = await new Promise<{ code: number | null; stdout: string }>((resolve) =>
        execFile(
          'node',
          ['--import', 'tsx', 'server/cli.ts', 'verify', join(dir, 'forged.pdf')],
          { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', timeout: 60_000 },
          (err, stdout) => resolve({ code: err ? Number(err.code) : 0, stdout }),
        ),
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('INVALID');
      expect(run.stdout).toContain('case annex:  2 case(s); NOT the annex that was signed');
      expect(run.stdout).toContain('The case annex in the bundle is not the one the record was signed with');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unlock and a lock without the cases seals no annex: nothing sealed before outlives its lock', async () => {
    const other = await createMeeting(server);
    const secretariat = tokenOf(other, 'secretariat', 'TH');
    const at = (rest: string) => `/api/meetings/${other.meetingId}/${rest}`;
    const { sides, stage, nextStep, due } = TH_LA_CASES[0]!;
    const added = await api<{ case: CaseEntry }>(server, secretariat, 'POST', at('cases'), { sides, stage, nextStep, due });
    const { digest } = (await api<{ digest: string }>(server, secretariat, 'GET', at('cases'))).body;
    for (const party of ['TH', 'LA']) await api(server, tokenOf(other, 'head', party), 'POST', at('cases/agreement'), { digest, agreed: true });
    await agreeEverything(server, other);
    expect((await api(server, secretariat, 'POST', at('lock'))).status).toBe(200);
    const documentId = (await server.services.storage.getMeeting(other.meetingId))!.currentDocumentId;
    expect(await server.services.storage.sealedCaseAnnex(documentId)).toContain('TH-2025-0141');

    expect((await api(server, secretariat, 'POST', at('unlock'), {})).status).toBe(200);
    expect((await api(server, secretariat, 'DELETE', at(`cases/${added.body.case.id}`))).status).toBe(200);
    expect((await api(server, secretariat, 'POST', at('lock'))).status).toBe(200);
    expect(await server.services.storage.sealedCaseAnnex(documentId)).toBeNull();
    const bundle = JSON.parse((await exportFile(server, other, secretariat, 'bundle')).bytes.toString('utf8')) as SignedBundle;
    expect(Object.keys(bundle)).toEqual(['format', 'recordHash', 'record', 'recordBytes', 'signatures']);
  });

  it('gives an observer no export at all, so no copy of the annex', async () => {
    for (const file of ['bundle?version=1', 'pdf?original=TH&version=1', 'docx?original=LA&version=1'])
      expect((await exportFile(server, meeting, tokenOf(meeting, 'observer'), file)).status, file).toBe(403);
  });
});
