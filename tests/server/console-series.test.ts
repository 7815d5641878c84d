// A series: CMM 04 made from CMM 03 carries exactly the action points not done or
// dropped; closing them in CMM 04 shows in the action register with their history
// across both meetings; the register exports as CSV and XLSX; the dashboard counts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { recordCopy, startTestServer, type TestServer } from '../helpers/server';
import { stockClient, synced, waitFor } from '../helpers/clients';
import { call, meetingBody, officer } from '../helpers/console';
import { actionPoints, agenda, agendaItemId, agendaItemTitle, participants, readLocalizedYText } from '../../shared/record/schema';

const point = (en: string, th: string, lo: string, party: string, agency: string, due: string | null, status: string) => ({
  text: { en, th, lo },
  party,
  agency,
  ...(due ? { due } : {}),
  status,
});

const CMM03_POINTS = [
  point('Draft the Phase 3 plan', 'ยกร่างแผนระยะที่ 3', 'ຮ່າງແຜນໄລຍະທີ 3', 'TH', 'Ministry of Social Development and Human Security', '2024-12-31', 'open'),
  point('Share case files of returnees', 'แลกเปลี่ยนข้อมูลคดีผู้เสียหายที่ส่งกลับ', 'ແລກປ່ຽນຂໍ້ມູນຄະດີ', 'LA', 'Ministry of Public Security', '2025-02-28', 'in progress'),
  point('Hold a joint training', 'จัดการฝึกอบรมร่วม', 'ຈັດຝຶກອົບຮົມຮ່ວມ', 'TH', 'Royal Thai Police', '2024-10-31', 'done'),
  point('Open a hotline in Savannakhet', 'เปิดสายด่วนที่สะหวันนะเขต', 'ເປີດສາຍດ່ວນທີ່ສະຫວັນນະເຂດ', 'LA', "Lao Women's Union", null, 'dropped'),
  point('Translate the referral guideline', 'แปลแนวทางการส่งต่อ', 'ແປຄູ່ມືການສົ່ງຕໍ່', 'LA', 'National Committee on Anti-Human Trafficking', '2025-05-31', 'open'),
];

describe('a series of Case Management Meetings', () => {
  let server: TestServer;
  let cookie: string;
  let cmm03: { meetingId: string; seriesId: string; invitations: { participantId: string; role: string; party: string; token: string }[] };
  let cmm04: typeof cmm03 & { documentId: string; code: string; number: number; carried: number };
  const ids03 = new Map<string, string>(); // English text → point id in CMM 03

  const pointsOf = async (meetingId: string) =>
    (await call(server, { cookie }, 'GET', `/api/console/meetings/${meetingId}`)).body.actionPoints as {
      id: string;
      text: Record<string, string>;
      status: string;
      origin: { meetingCode: string; actionPointId: string; meetingNumber: number } | null;
      carriedFrom: { meetingCode: string; actionPointId: string } | null;
      agendaItem: string | null;
    }[];
  const secretariatToken = (m: typeof cmm03, party = 'TH') => m.invitations.find((i) => i.role === 'secretariat' && i.party === party)!.token;
  const setStatus = (m: typeof cmm03, pointId: string, status: string) =>
    call(server, { bearer: secretariatToken(m) }, 'POST', `/api/meetings/${m.meetingId}/action-points/${pointId}/status`, { status });

  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await officer(server, 'cmm.secretariat@example.org')).cookie;
    const made = await call(
      server,
      { cookie },
      'POST',
      '/api/console/meetings',
      meetingBody({ number: 3, code: 'CMM 03', startDate: '2024-09-10', endDate: '2024-09-11', actionPoints: CMM03_POINTS }),
    );
    expect(made.status).toBe(201);
    cmm03 = made.body;
    for (const p of await pointsOf(cmm03.meetingId)) ids03.set(p.text.en!, p.id);
    // During CMM 03, the Thai secretariat moves the plan to "in progress".
    expect((await setStatus(cmm03, ids03.get('Draft the Phase 3 plan')!, 'in progress')).status).toBe(200);
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('next meeting: CMM 04 carries exactly the open points of CMM 03, linked to their origin, under a review item in every language', async () => {
    const made = await call(server, { cookie }, 'POST', `/api/console/meetings/${cmm03.meetingId}/next`, {
      startDate: '2025-03-12',
      endDate: '2025-03-12',
      venue: { en: 'Lao Plaza Hotel, Vientiane', th: 'โรงแรมลาวพลาซ่า เวียงจันทน์', lo: 'ໂຮງແຮມລາວພລາຊາ ວຽງຈັນ' },
    });
    expect(made.status).toBe(201);
    cmm04 = made.body;
    expect(cmm04).toMatchObject({ code: 'CMM 04', number: 4, carried: 3, seriesId: cmm03.seriesId });

    const points = await pointsOf(cmm04.meetingId);
    expect(points.map((p) => [p.text.en, p.status])).toEqual([
      ['Draft the Phase 3 plan', 'in progress'],
      ['Share case files of returnees', 'in progress'],
      ['Translate the referral guideline', 'open'],
    ]);
    for (const p of points) {
      expect(p.origin).toMatchObject({ meetingCode: 'CMM 03', meetingNumber: 3, actionPointId: ids03.get(p.text.en!) });
      expect(p.carriedFrom).toMatchObject({ meetingCode: 'CMM 03', actionPointId: ids03.get(p.text.en!) });
      expect(p.id).not.toBe(ids03.get(p.text.en!));
    }
    expect(points[0]!.text.th).toBe('ยกร่างแผนระยะที่ 3');

    const doc = await recordCopy(server, cmm04.documentId);
    const review = agenda(doc).get(0);
    expect(readLocalizedYText(agendaItemTitle(review))).toEqual({
      th: 'ทบทวนจุดดำเนินการของการประชุม CMM 03',
      lo: 'ທົບທວນຈຸດປະຕິບັດງານຂອງກອງປະຊຸມ CMM 03',
      en: 'Review of the action points of CMM 03',
    });
    expect(points.every((p) => p.agendaItem === agendaItemId(review))).toBe(true);
    const roster03 = (await call(server, { cookie }, 'GET', `/api/console/meetings/${cmm03.meetingId}`)).body.roster.map(
      (p: { name: string; role: string }) => [p.name, p.role],
    );
    expect(
      participants(doc)
        .toArray()
        .map((p) => [p.name, p.role]),
    ).toEqual(roster03);
    expect(doc.getMap('meta').get('code')).toBe('CMM 04');
    doc.destroy();

    const again = await call(server, { cookie }, 'POST', `/api/console/meetings/${cmm03.meetingId}/next`, { startDate: '2025-03-12', endDate: '2025-03-12' });
    expect(again.status).toBe(409);
    // The refusal names the meeting that exists, and each meeting links to the others of its series.
    expect(again.body.error).toMatchObject({ code: 'next_meeting_exists', meetingId: cmm04.meetingId, number: 4 });
    const series = (await call(server, { cookie }, 'GET', `/api/console/meetings/${cmm03.meetingId}`)).body.seriesMeetings;
    expect(series.map((m: { id: string; number: number; code: string }) => [m.id, m.number, m.code])).toEqual([
      [cmm03.meetingId, 3, 'CMM 03'],
      [cmm04.meetingId, 4, 'CMM 04'],
    ]);
    const backwards = await call(server, { cookie }, 'POST', `/api/console/meetings/${cmm04.meetingId}/next`, {
      startDate: '2025-09-02',
      endDate: '2025-09-01',
    });
    expect(backwards.status).toBe(400);
  });

  it('closing points in CMM 04 (through the API and in the workspace) shows in the register with their history across meetings', async () => {
    const points = await pointsOf(cmm04.meetingId);
    const plan = points.find((p) => p.text.en === 'Draft the Phase 3 plan')!;
    const files = points.find((p) => p.text.en === 'Share case files of returnees')!;
    expect((await setStatus(cmm04, plan.id, 'done')).status).toBe(200);

    // The Lao delegate drops the other in the workspace, through the record itself.
    const laoDelegate = cmm04.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!;
    const client = stockClient(server.wsUrl, cmm04.documentId, laoDelegate.token);
    await synced(client);
    const mine = actionPoints(client.doc)
      .toArray()
      .find((p) => p.get('id') === files.id)!;
    mine.set('status', 'dropped');
    await waitFor(() => client.provider.synced && !client.provider.ws?.bufferedAmount, 5000, 'the change sent');
    await vi.waitFor(async () => expect((await pointsOf(cmm04.meetingId)).find((p) => p.id === files.id)!.status).toBe('dropped'), {
      timeout: 5000,
      interval: 25,
    });
    client.destroy();

    const register = await call(server, { cookie }, 'GET', `/api/console/register?series=${cmm03.seriesId}&today=2025-07-01`);
    expect(register.status).toBe(200);
    const rows = register.body.rows as any[];
    expect(rows.map((r) => [r.text.en, r.meetingCode, r.status, r.overdue])).toEqual([
      ['Translate the referral guideline', 'CMM 04', 'open', true],
      ['Hold a joint training', 'CMM 03', 'done', false],
      ['Draft the Phase 3 plan', 'CMM 04', 'done', false],
      ['Share case files of returnees', 'CMM 04', 'dropped', false],
      ['Open a hotline in Savannakhet', 'CMM 03', 'dropped', false],
    ]);

    const planRow = rows.find((r) => r.text.en === 'Draft the Phase 3 plan');
    expect(planRow.origin).toMatchObject({ meetingCode: 'CMM 03', actionPointId: ids03.get('Draft the Phase 3 plan') });
    expect(planRow.dueText).toMatchObject({ th: '31 ธันวาคม 2567', en: '31 December 2024', lo: '31 ທັນວາ 2024' });
    expect(planRow.history.map((h: any) => [h.meetingCode, h.kind, h.from, h.to, h.by?.name ?? null])).toEqual([
      ['CMM 03', 'recorded', null, 'open', 'Officer cmm.secretariat@example.org'],
      ['CMM 03', 'changed', 'open', 'in progress', 'Pimchanok Srisawat'],
      ['CMM 04', 'carried', 'in progress', 'in progress', 'Officer cmm.secretariat@example.org'],
      ['CMM 04', 'changed', 'in progress', 'done', 'Pimchanok Srisawat'],
    ]);
    const filesRow = rows.find((r) => r.text.en === 'Share case files of returnees');
    expect(filesRow.history.at(-1)).toMatchObject({ meetingCode: 'CMM 04', kind: 'changed', from: 'in progress', to: 'dropped' });

    const open = await call(server, { cookie }, 'GET', `/api/console/register?series=${cmm03.seriesId}&status=open&today=2025-07-01`);
    expect(open.body.rows.map((r: any) => r.text.en)).toEqual(['Translate the referral guideline']);
    const thai = await call(server, { cookie }, 'GET', `/api/console/register?party=TH&agency=${encodeURIComponent('royal thai police')}&today=2025-07-01`);
    expect(thai.body.rows.map((r: any) => r.text.en)).toEqual(['Hold a joint training']);
    const overdue = await call(server, { cookie }, 'GET', `/api/console/register?overdue=true&today=2025-05-01`);
    expect(overdue.body.rows).toEqual([]);
  });

  it('the register exports as CSV and XLSX, in Thai with Buddhist Era dates', async () => {
    const csv = await fetch(`${server.url}/api/console/register.csv?series=${cmm03.seriesId}&lang=th&today=2025-07-01`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="action-register-2025-07-01.csv"');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the mark spreadsheet programs read UTF-8 by
    const table = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
    expect(table[0]).toEqual(['Series', 'Meeting', 'Origin', 'Party', 'Agency', 'Action point', 'Due', 'Due (written)', 'Status', 'Overdue', 'History']);
    const plan = table.find((r) => r[5] === 'ยกร่างแผนระยะที่ 3')!;
    expect(plan.slice(1, 10)).toEqual([
      'CMM 04',
      'carried from CMM 03',
      'TH',
      'Ministry of Social Development and Human Security',
      'ยกร่างแผนระยะที่ 3',
      '2024-12-31',
      '31 ธันวาคม 2567',
      'done',
      '',
    ]);
    expect(plan[10]).toContain('CMM 04: in progress → done by Pimchanok Srisawat');

    const xlsx = await fetch(`${server.url}/api/console/register.xlsx?series=${cmm03.seriesId}&lang=lo&today=2025-07-01`, { headers: { cookie } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = book.getWorksheet('Action register')!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(6).text).toBe('ແປຄູ່ມືການສົ່ງຕໍ່');
    expect(sheet.getRow(2).getCell(10).text).toBe('overdue');
    const history = book.getWorksheet('Status history')!;
    expect(history.rowCount).toBeGreaterThan(8);
  });

  it('the dashboard counts meetings by state and, per agency, points still to do and overdue', async () => {
    const dashboard = await call(server, { cookie }, 'GET', '/api/console/dashboard?today=2025-07-01');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.meetings).toEqual({ draft: 2, locked: 0, signed: 0 });
    expect(dashboard.body.agencies).toEqual([{ party: 'LA', agency: 'National Committee on Anti-Human Trafficking', open: 1, overdue: 1 }]);
  });
});
