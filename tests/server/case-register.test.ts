// Cases across a series: CMM 04 made from CMM 03 carries exactly its open cases, on the same
// thread, with their history; closing one in CMM 04 shows in the case register with who
// closed it, when and in which meeting; the register exports as CSV and XLSX with every
// cell escaped, and the dashboard counts open cases per stage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { TestServer } from '../helpers/server';
import { storageKinds } from '../helpers/storages';
import { call, meetingBody, officer } from '../helpers/console';
import type { CaseEntry } from '../../shared/cases/case';
import type { CaseRegisterRow } from '../../shared/cases/case-register';

const kase = (th: string, la: string, stage: string, due: string | null, nextStep: Record<string, string> = { en: 'Follow up' }) => ({
  sides: [
    { party: 'TH', reference: th, agency: 'Ministry of Social Development and Human Security' },
    { party: 'LA', reference: la, agency: 'Ministry of Labour and Social Welfare' },
  ],
  stage,
  ...(stage === 'repatriated' ? { repatriatedOn: '2024-10-02' } : {}),
  nextStep,
  due,
});

describe.each(storageKinds('accord_case_register'))('cases across a series of Case Management Meetings, on $name', (storage) => {
  let server: TestServer;
  let cookie: string;
  type Made = { meetingId: string; seriesId: string; invitations: { participantId: string; role: string; party: string; name: string; token: string }[] };
  let cmm03: Made;
  let cmm04: Made & { casesCarried: number };
  const tokenIn = (m: Made, role: string, party: string) => m.invitations.find((i) => i.role === role && i.party === party)!;
  const casesOf = async (m: Made) =>
    (await call<{ cases: CaseEntry[] }>(server, { bearer: tokenIn(m, 'head', 'TH').token }, 'GET', `/api/meetings/${m.meetingId}/cases`)).body.cases;

  beforeAll(async () => {
    server = await storage.start();
    cookie = (await officer(server, 'cases.secretariat@example.org')).cookie;
    const made = await call(
      server,
      { cookie },
      'POST',
      '/api/console/meetings',
      meetingBody({ number: 3, code: 'CMM 03', startDate: '2024-09-10', endDate: '2024-09-11', actionPoints: [] }),
    );
    expect(made.status).toBe(201);
    cmm03 = made.body;
    const secretariat = { bearer: tokenIn(cmm03, 'secretariat', 'TH').token };
    for (const body of [
      kase('TH-2024-0077', 'LA-0301', 'repatriated', '2025-01-15', { en: '=HYPERLINK("http://x.example","case")' }),
      kase('TH-2024-0090', 'LA-0322', 'closed', null),
      kase('TH-2024-0102', 'LA-0340', 'identified', '2026-12-31'),
    ])
      expect((await call(server, secretariat, 'POST', `/api/meetings/${cmm03.meetingId}/cases`, body)).status).toBe(201);
  });
  afterAll(async () => {
    await storage.stop(server);
  });

  it('the next meeting carries exactly the open cases, on their thread, with their history', async () => {
    const made = await call(server, { cookie }, 'POST', `/api/console/meetings/${cmm03.meetingId}/next`, { startDate: '2025-03-12', endDate: '2025-03-12' });
    expect(made.status).toBe(201);
    cmm04 = made.body;
    expect(cmm04.casesCarried).toBe(2);

    const before = await casesOf(cmm03);
    const after = await casesOf(cmm04);
    expect(after.map((c) => [c.sides[0]!.reference, c.stage])).toEqual([
      ['TH-2024-0077', 'repatriated'],
      ['TH-2024-0102', 'identified'],
    ]);
    for (const c of after) {
      const origin = before.find((b) => b.sides[0]!.reference === c.sides[0]!.reference)!;
      expect(c.thread).toEqual({ meetingId: cmm03.meetingId, caseId: origin.id });
      expect(c.carriedFrom).toBe(cmm03.meetingId);
      expect(c.id).not.toBe(origin.id);
    }
    const register = await call<{ rows: CaseRegisterRow[] }>(
      server,
      { cookie },
      'GET',
      `/api/console/cases/register?series=${cmm03.seriesId}&today=2025-03-12`,
    );
    const repatriated = register.body.rows.find((r) => r.sides[0]!.reference === 'TH-2024-0077')!;
    expect(repatriated.history.map((h) => [h.meetingCode, h.kind, h.to])).toEqual([
      ['CMM 03', 'recorded', 'repatriated'],
      ['CMM 04', 'carried', 'repatriated'],
    ]);
  });

  it('a case closed in CMM 04 shows in the register with who closed it, when and where; open cases come overdue first', async () => {
    const target = (await casesOf(cmm04)).find((c) => c.sides[0]!.reference === 'TH-2024-0077')!;
    const laoSecretariat = tokenIn(cmm04, 'secretariat', 'LA');
    const closed = await call(server, { bearer: laoSecretariat.token }, 'PUT', `/api/meetings/${cmm04.meetingId}/cases/${target.id}`, {
      ...kase('TH-2024-0077', 'LA-0301', 'closed', null, target.nextStep),
      repatriatedOn: '2024-10-02',
    });
    expect(closed.status).toBe(200);

    const open = await call<{ rows: CaseRegisterRow[] }>(server, { cookie }, 'GET', `/api/console/cases/register?series=${cmm03.seriesId}&today=2025-03-12`);
    expect(open.body.rows.map((r) => r.sides[0]!.reference)).toEqual(['TH-2024-0102']);

    const all = await call<{ rows: CaseRegisterRow[] }>(
      server,
      { cookie },
      'GET',
      `/api/console/cases/register?series=${cmm03.seriesId}&today=2025-03-12&all=true`,
    );
    const row = all.body.rows.find((r) => r.sides[0]!.reference === 'TH-2024-0077')!;
    expect(row).toMatchObject({ meetingCode: 'CMM 04', stage: 'closed', overdue: false });
    const last = row.history.at(-1)!;
    expect(last).toMatchObject({ meetingId: cmm04.meetingId, meetingCode: 'CMM 04', kind: 'changed', from: 'repatriated', to: 'closed' });
    expect(last.by).toEqual({ actor: laoSecretariat.participantId, name: laoSecretariat.name });
    expect(Date.parse(last.at)).toBeGreaterThan(Date.parse(row.history[0]!.at) - 1);

    // Overdue first: a case due before today stands above one that is not.
    const due = (await casesOf(cmm04)).find((c) => c.sides[0]!.reference === 'TH-2024-0102')!;
    expect(
      (
        await call(
          server,
          { bearer: laoSecretariat.token },
          'PUT',
          `/api/meetings/${cmm04.meetingId}/cases/${due.id}`,
          kase('TH-2024-0102', 'LA-0340', 'nationality-verified', '2025-03-01'),
        )
      ).status,
    ).toBe(200);
    const added = await call(
      server,
      { bearer: laoSecretariat.token },
      'POST',
      `/api/meetings/${cmm04.meetingId}/cases`,
      kase('TH-2025-0141', 'LA-0387', 'identified', '2025-06-30'),
    );
    expect(added.status).toBe(201);
    const ordered = await call<{ rows: CaseRegisterRow[] }>(server, { cookie }, 'GET', `/api/console/cases/register?today=2025-03-12`);
    expect(ordered.body.rows.map((r) => [r.sides[0]!.reference, r.overdue])).toEqual([
      ['TH-2024-0102', true],
      ['TH-2025-0141', false],
    ]);
    const byParty = await call<{ rows: CaseRegisterRow[] }>(
      server,
      { cookie },
      'GET',
      `/api/console/cases/register?today=2025-03-12&stage=identified&party=LA`,
    );
    expect(byParty.body.rows.map((r) => r.sides[0]!.reference)).toEqual(['TH-2025-0141']);

    const stages = await call<{ stages: Record<string, number> }>(server, { cookie }, 'GET', '/api/console/cases/stages?today=2025-03-12');
    expect(stages.body.stages).toEqual({
      identified: 1,
      'nationality-verified': 1,
      'repatriation-agreed': 0,
      repatriated: 0,
      'reintegration-follow-up': 0,
      closed: 0,
    });
  });

  it('exports the register as CSV and XLSX with a formula written as text', async () => {
    const csv = await call<string>(server, { cookie }, 'GET', `/api/console/cases/register.csv?all=true&today=2025-03-12`);
    expect(csv.status).toBe(200);
    const parsed = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toContain('References');
    const formula = parsed.flat().find((cell) => cell.includes('HYPERLINK'))!;
    expect(formula.startsWith("'=")).toBe(true);

    const res = await fetch(`${server.url}/api/console/cases/register.xlsx?all=true&today=2025-03-12`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const cells: unknown[] = [];
    workbook.getWorksheet('Case register')!.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(cells.find((v) => typeof v === 'string' && v.includes('HYPERLINK'))).toMatch(/^'=/);
  });
});
