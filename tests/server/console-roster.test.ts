// Importing a roster from a real CSV or XLSX file: every row checked, errors named by
// line and column, all of the list or none of it, Thai and Lao script kept exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../helpers/server';
import { call, meetingBody, officer } from '../helpers/console';

const FILES = new URL('../fixtures/console/', import.meta.url);
const file = (name: string) => new Uint8Array(readFileSync(new URL(name, FILES)));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rows of a CSV fixture, for writing the same list as a workbook. */
const rowsOf = (name: string) =>
  Papa.parse<string[]>(
    Buffer.from(file(name))
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { skipEmptyLines: true },
  ).data;

interface Problem {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

describe('roster import', () => {
  let server: TestServer;
  let cookie: string;
  const scratch = mkdtempSync(join(tmpdir(), 'accord-roster-'));

  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await officer(server, 'secretariat@example.org')).cookie;
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A draft CMM meeting with nobody on its roster yet. */
  async function emptyMeeting(): Promise<string> {
    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody({ participants: [] }));
    expect(made.status).toBe(201);
    return made.body.meetingId;
  }

  async function upload(meetingId: string, bytes: Uint8Array<ArrayBuffer>, type: string, query = '') {
    const res = await fetch(`${server.url}/api/console/meetings/${meetingId}/roster${query}`, {
      method: 'POST',
      headers: { cookie, 'content-type': type },
      body: bytes,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  const roster = async (meetingId: string) =>
    (await call(server, { cookie }, 'GET', `/api/console/meetings/${meetingId}`)).body.roster as {
      name: string;
      party: string;
      role: string;
      title: string;
      agency: string;
    }[];

  async function workbook(rows: string[][], name: string): Promise<Uint8Array<ArrayBuffer>> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Roster');
    for (const row of rows) sheet.addRow(row);
    const path = join(scratch, name);
    await book.xlsx.writeFile(path);
    return new Uint8Array(readFileSync(path));
  }

  const brief = (problems: Problem[]) => problems.map((p) => [p.line, p.column, p.code]);

  it('a good CSV in Thai and Lao adds everyone, script kept exactly, each with a working invitation', async () => {
    const meetingId = await emptyMeeting();
    const dry = await upload(meetingId, file('roster-th-lo.csv'), 'text/csv', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.participants).toHaveLength(7);
    expect(await roster(meetingId)).toEqual([]); // a dry run stores nothing

    const res = await upload(meetingId, file('roster-th-lo.csv'), 'text/csv');
    expect(res.status).toBe(201);
    expect(res.body.added).toBe(7);
    const people = await roster(meetingId);
    expect(people.map((p) => [p.name, p.party, p.role])).toEqual([
      ['จตุพร โรจนพานิช', 'TH', 'head'],
      ['พิมพ์ชนก ศรีสวัสดิ์', 'TH', 'secretariat'],
      ['พันตำรวจเอก อนันต์ ทองดี', 'TH', 'delegate'],
      ['ພົນຈັດຕະວາ ກົງສະຫວາດ ບຸນແລ່ງ', 'LA', 'head'],
      ['ຄຳຫຼ້າ ພົມມະຈັນ', 'LA', 'secretariat'],
      ['ນ້ອຍ, ວົງສາ', 'LA', 'delegate'],
      ['IOM Programme Officer', 'OBS', 'observer'],
    ]);
    // Byte for byte what the file holds: no normalisation, no lost combining marks.
    expect(Buffer.from(people[4]!.name, 'utf8').equals(Buffer.from('ຄຳຫຼ້າ ພົມມະຈັນ', 'utf8'))).toBe(true);
    expect(people[1]!.title).toBe('นักพัฒนาสังคมชำนาญการ');

    const laoHead = res.body.invitations.find((i: { role: string; party: string }) => i.role === 'head' && i.party === 'LA');
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: laoHead.token }),
    });
    expect(session.status).toBe(201);
    expect(((await session.json()) as { you: { name: string } }).you.name).toBe('ພົນຈັດຕະວາ ກົງສະຫວາດ ບຸນແລ່ງ');

    // The same list again: every row is already on the roster, and nothing is added twice.
    const again = await upload(meetingId, file('roster-th-lo.csv'), 'text/csv');
    expect(again.status).toBe(400);
    expect(again.body.error.problems.map((p: Problem) => p.code)).toEqual(Array(7).fill('already-on-roster'));
    expect(await roster(meetingId)).toHaveLength(7);
  });

  it('a CSV with bad rows is refused whole: unknown party, missing name, duplicate, each by its line', async () => {
    const meetingId = await emptyMeeting();
    const res = await upload(meetingId, file('roster-bad.csv'), 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_roster');
    expect(brief(res.body.error.problems)).toEqual([
      [3, 'party', 'unknown-party'],
      [4, 'name', 'missing-name'],
      [5, 'name', 'duplicate'],
    ]);
    expect(res.body.error.problems[0].message).toBe('KH is not a party of this meeting (its parties: TH, LA)');
    expect(res.body.error.problems[2].message).toContain('line 2');
    expect(await roster(meetingId)).toEqual([]);
    expect((await call(server, { cookie }, 'GET', `/api/meetings/${meetingId}/invitations`)).body.invitations).toEqual([]);
  });

  it('a Thai and Lao CSV with bad rows: the right errors by line (a quoted line break counted), nothing partial', async () => {
    const meetingId = await emptyMeeting();
    const res = await upload(meetingId, file('roster-th-lo-bad.csv'), 'text/csv');
    expect(res.status).toBe(400);
    expect(brief(res.body.error.problems)).toEqual([
      [3, 'name', 'missing-name'],
      [4, 'party', 'unknown-party'],
      [5, 'name', 'duplicate'],
      [8, 'role', 'unknown-role'],
      [9, 'party', 'observer-in-party'],
      [11, 'role', 'second-head'],
    ]);
    expect(res.body.error.problems[5].message).toBe('LA has a second head of delegation: the first is on line 10');
    expect(await roster(meetingId)).toEqual([]);
  });

  it('the same lists as XLSX workbooks: the right rows, the right errors by row, nothing partial', async () => {
    const good = await emptyMeeting();
    const added = await upload(good, await workbook(rowsOf('roster-th-lo.csv'), 'good.xlsx'), XLSX);
    expect(added.status).toBe(201);
    expect(added.body.format).toBe('xlsx');
    expect((await roster(good)).map((p) => p.name)).toEqual(
      rowsOf('roster-th-lo.csv')
        .slice(1)
        .map((r) => r[0]),
    );

    const bad = await emptyMeeting();
    const refused = await upload(bad, await workbook(rowsOf('roster-th-lo-bad.csv'), 'bad.xlsx'), XLSX);
    expect(refused.status).toBe(400);
    // In a workbook the Lao agency's line break stays inside its cell: rows after it are one line earlier than in the CSV.
    expect(brief(refused.body.error.problems)).toEqual([
      [3, 'name', 'missing-name'],
      [4, 'party', 'unknown-party'],
      [5, 'name', 'duplicate'],
      [7, 'role', 'unknown-role'],
      [8, 'party', 'observer-in-party'],
      [10, 'role', 'second-head'],
    ]);
    expect(await roster(bad)).toEqual([]);
  });

  it('a form upload (multipart) is read by its file name; a file in a legacy Thai code page is refused, not guessed', async () => {
    const meetingId = await emptyMeeting();
    const form = new FormData();
    form.append('file', new Blob([await workbook(rowsOf('roster-th-lo.csv'), 'form.xlsx')]), 'roster.xlsx');
    const res = await fetch(`${server.url}/api/console/meetings/${meetingId}/roster`, { method: 'POST', headers: { cookie }, body: form });
    expect(res.status).toBe(201);

    // "ชื่อ" in TIS-620, the code page older Thai Excel saves CSV in.
    const tis620 = new Uint8Array(Buffer.concat([Buffer.from('name,party,role\n'), Buffer.from([0xaa, 0xd7, 0xe8, 0xcd]), Buffer.from(',TH,delegate\n')]));
    const other = await emptyMeeting();
    const refused = await upload(other, tis620, 'text/csv');
    expect(refused.status).toBe(400);
    expect(refused.body.error.problems[0].code).toBe('unreadable');
    expect(refused.body.error.problems[0].message).toContain('UTF-8');
  });

  it('one person added by hand gets the same checks and an invitation; removing them withdraws it', async () => {
    const meetingId = await emptyMeeting();
    const path = `/api/console/meetings/${meetingId}/participants`;
    const added = await call(server, { cookie }, 'POST', path, { name: 'ສົມພອນ ໄຊຍະວົງ', party: 'LA', role: 'delegate', agency: 'ກະຊວງແຮງງານ' });
    expect(added.status).toBe(201);
    const twice = await call(server, { cookie }, 'POST', path, { name: 'ສົມພອນ ໄຊຍະວົງ', party: 'LA', role: 'delegate' });
    expect(twice.status).toBe(400);
    expect(twice.body.error.issues).toEqual([{ path: 'name', message: 'ສົມພອນ ໄຊຍະວົງ (LA) is already on the roster', code: 'roster.already-on-roster' }]);

    const { participantId, token } = added.body.invitations[0];
    const removed = await call(server, { cookie }, 'DELETE', `${path}/${participantId}`);
    expect(removed.status).toBe(200);
    expect(await roster(meetingId)).toEqual([]);
    const session = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(session.status).toBe(401);
  });
});
