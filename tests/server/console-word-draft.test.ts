// Importing a Word draft at the console: a Thai draft becomes agenda items and segments;
// tables of parallel texts become aligned segments, each column in its language; a broken
// file and a draft that cannot be placed are refused with their problems by paragraph,
// and nothing is stored; a preview stores nothing; a locked record takes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCopy, startTestServer, type TestServer } from '../helpers/server';
import { admin, call, meetingBody, officer } from '../helpers/console';
import { agreeEverything } from '../helpers/lifecycle';
import { DOCX_TYPE, brokenDraft, misplacedDraft, parallelTables, thaiMinutes, withImage } from '../helpers/word-drafts';
import { agenda, agendaItemId, agendaItemTitle, minutes, readLocalizedYText, segmentCells } from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';

describe('a Word draft imported at the console', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await officer(server, 'drafts@example.org')).cookie;
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  const upload = async (path: string, file: Uint8Array, who: { cookie?: string; bearer?: string } = { cookie }) => {
    const headers: Record<string, string> = { 'content-type': DOCX_TYPE };
    if (who.cookie) headers.cookie = who.cookie;
    if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: new Blob([file as Uint8Array<ArrayBuffer>]) });
    return { status: res.status, body: await res.json() };
  };
  const recordOf = async (meetingId: string) => {
    const meeting = await server.services.storage.getMeeting(meetingId);
    const doc = await recordCopy(server, meeting!.currentDocumentId);
    return agenda(doc)
      .toArray()
      .map((item) => ({
        title: readLocalizedYText(agendaItemTitle(item)),
        segments: (minutes(doc).get(agendaItemId(item))?.toArray() ?? []).map((s) =>
          Object.fromEntries([...segmentCells(s).entries()].map(([l, f]) => [l, plainText(f)])),
        ),
      }));
  };
  const emptyMeeting = async () =>
    (await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody({ participants: [], agenda: [], minutes: [], actionPoints: [] }))).body
      .meetingId as string;

  it('a Thai draft: headings become agenda items, paragraphs Thai segments; previewed first, then stored whole', async () => {
    const meetingId = await emptyMeeting();
    const path = `/api/console/meetings/${meetingId}/word-draft?language=th`;
    const preview = await upload(`${path}&dryRun=true`, await thaiMinutes());
    expect(preview.status).toBe(200);
    expect(preview.body.stored).toBe(false);
    expect(preview.body.items.map((i: { title: { th: string }; paragraph: number }) => [i.paragraph, i.title.th])).toEqual([
      [2, 'การเปิดการประชุม'],
      [5, 'การติดตามผลการส่งกลับผู้เสียหาย'],
    ]);
    expect(await recordOf(meetingId)).toEqual([]);

    const stored = await upload(path, await thaiMinutes());
    expect(stored.status).toBe(201);
    expect(stored.body.segments).toBe(3);
    expect(await recordOf(meetingId)).toEqual([
      { title: { th: 'การเปิดการประชุม', lo: '', en: '' }, segments: [{ th: 'ประธานฝ่ายไทย กล่าวต้อนรับคณะผู้แทนฝ่ายลาว', lo: '', en: '' }] },
      {
        title: { th: 'การติดตามผลการส่งกลับผู้เสียหาย', lo: '', en: '' },
        segments: [
          { th: 'ที่ประชุมรับทราบผลการส่งกลับผู้เสียหายจำนวน 12 ราย', lo: '', en: '' },
          { th: 'ทั้งสองฝ่ายเห็นพ้องให้แลกเปลี่ยนข้อมูลรายกรณีทุกไตรมาส', lo: '', en: '' },
        ],
      },
    ]);
    const log = await call(server, { cookie }, 'GET', `/api/meetings/${meetingId}/audit`);
    expect(log.body.entries.at(-1)).toMatchObject({ action: 'minutes.imported', detail: { items: 2, segments: 3, language: 'th' } });
  });

  it('tables of parallel texts become aligned segments; a row of headings titles an item in every language', async () => {
    const meetingId = await emptyMeeting();
    const stored = await upload(`/api/console/meetings/${meetingId}/word-draft?language=en`, await parallelTables());
    expect(stored.status).toBe(201);
    expect(await recordOf(meetingId)).toEqual([
      {
        title: { th: '', lo: '', en: 'Opening of the meeting' },
        segments: [
          { th: 'ประธานกล่าวเปิดการประชุม', lo: 'ປະທານກ່າວເປີດກອງປະຊຸມ', en: 'The chair opened the meeting.' },
          { th: 'ที่ประชุมรับรองระเบียบวาระ', lo: 'ກອງປະຊຸມຮັບຮອງລະບຽບວາລະ', en: 'The meeting adopted the agenda.' },
        ],
      },
      {
        title: { th: 'การส่งกลับผู้เสียหาย', lo: 'ການສົ່ງກັບຜູ້ເສຍຫາຍ', en: 'Return of victims' },
        segments: [{ th: 'ฝ่ายไทยรายงานผลการส่งกลับ', lo: 'ຝ່າຍລາວຮັບຊາບ', en: 'Thailand reported on the returns.' }],
      },
    ]);
  });

  it('a broken file, and a draft that cannot be placed, are refused by paragraph; nothing is stored', async () => {
    const meetingId = await emptyMeeting();
    const path = `/api/console/meetings/${meetingId}/word-draft?language=th`;
    const broken = await upload(path, await brokenDraft());
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'invalid_draft', problems: [{ paragraph: 0, code: 'unreadable' }] });

    const misplaced = await upload(path, await misplacedDraft());
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.problems).toEqual([
      { paragraph: 1, code: 'before-first-heading', excerpt: 'บันทึกนี้จัดทำโดยฝ่ายเลขานุการ' },
      { paragraph: 4, code: 'table-language-not-working', params: { column: 2, language: 'km' } },
      { paragraph: 4, row: 2, code: 'table-row-cells', params: { cells: 1, columns: 2 } },
    ]);
    expect(await recordOf(meetingId)).toEqual([]);
    // A language the meeting does not work in is refused before anything is read into it.
    const foreign = await upload(`/api/console/meetings/${meetingId}/word-draft?language=vi`, await thaiMinutes());
    expect(foreign.body.error.problems).toEqual([{ paragraph: 0, code: 'language-not-working', params: { language: 'vi' } }]);
  });

  it('a new meeting starts from a draft: the preview gives the agenda and minutes to create it with; images are said to be dropped', async () => {
    const preview = await upload('/api/console/word-draft?language=th&languages=th,lo,en', await thaiMinutes());
    expect(preview.status).toBe(200);
    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody({ participants: [], actionPoints: [], ...preview.body.input }));
    expect(made.status).toBe(201);
    expect((await recordOf(made.body.meetingId)).map((i) => [i.title.th, i.segments.length])).toEqual([
      ['การเปิดการประชุม', 1],
      ['การติดตามผลการส่งกลับผู้เสียหาย', 2],
    ]);
    const pictured = await upload('/api/console/word-draft?language=en&languages=en', await withImage());
    expect(pictured.body.notes).toEqual([{ paragraph: 2, code: 'image-dropped' }]);
    expect(pictured.body.segments).toBe(1);
  });

  it('a locked record takes no draft; a stranger is told there is no such meeting', async () => {
    const made = await call(server, admin, 'POST', '/api/meetings', meetingBody());
    await agreeEverything(server, made.body);
    const secretariat = made.body.invitations.find((i: { role: string }) => i.role === 'secretariat').token;
    expect((await call(server, { bearer: secretariat }, 'POST', `/api/meetings/${made.body.meetingId}/lock`, {})).status).toBe(200);
    expect((await upload(`/api/console/meetings/${made.body.meetingId}/word-draft?language=th`, await thaiMinutes(), admin)).status).toBe(409);
    expect((await upload(`/api/console/meetings/${made.body.meetingId}/word-draft?language=th`, await thaiMinutes())).status).toBe(404);
  });
});
