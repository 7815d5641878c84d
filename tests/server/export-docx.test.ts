// The Word originals of CMM 04, exported by a real server and opened as Word stores them
// (unzip -p … word/document.xml).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksText } from '../../shared/record/canonical-text';
import type { SignedBundle } from '../../shared/signing/bundle';
import { createMeeting, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { signedBundleText } from '../helpers/lifecycle';
import { docxPart, docxText, exportFile } from '../helpers/export-tools';
import { squash, unprintedTexts } from '../helpers/export-text';

describe('DOCX originals of the CMM 04 record', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let secretariat: string;
  let draft: Buffer;
  const signed: Record<'TH' | 'LA', Buffer> = { TH: Buffer.alloc(0), LA: Buffer.alloc(0) };
  let bundle: SignedBundle;

  const docxOf = async (original: string) => {
    const file = await exportFile(server, meeting, secretariat, `docx?original=${original}`);
    if (file.status !== 200) throw new Error(`export refused: ${file.status} ${file.body}`);
    return file.bytes;
  };

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
    secretariat = tokenOf(meeting, 'secretariat', 'LA');
    draft = await docxOf('TH');
    bundle = JSON.parse(await signedBundleText(server, meeting)) as SignedBundle;
    signed.TH = await docxOf('TH');
    signed.LA = await docxOf('LA');
  }, 120_000);

  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('is named after the meeting and the party, and is a Word document', async () => {
    const file = await exportFile(server, meeting, secretariat, 'docx?original=LA');
    expect(file).toMatchObject({
      status: 200,
      fileName: 'CMM04-LA-original.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it("opens and holds the record's Thai, Lao and English text", async () => {
    for (const party of ['TH', 'LA'] as const) {
      const text = await docxText(signed[party]);
      expect(unprintedTexts(text, bundle.record)).toEqual([]);
      expect(text).toContain('12 มีนาคม 2568');
      expect(text).toContain(bundle.recordHash);
    }
  });

  it("follows the alternat: the party's language in the first column, the party named first, its head's block first", async () => {
    const segment = (language: string) => blocksText(bundle.record.agenda[2]!.minutes[0]!.text[language]!);
    const positions = (text: string, needles: string[]) => needles.map((n) => squash(text).indexOf(squash(n)));
    const ascending = (p: number[]) => p.every((x, i) => x >= 0 && (i === 0 || x > p[i - 1]!));
    const th = await docxText(signed.TH);
    const la = await docxText(signed.LA);
    expect(ascending(positions(th, [segment('th'), segment('lo'), segment('en')]))).toBe(true);
    expect(ascending(positions(la, [segment('lo'), segment('th'), segment('en')]))).toBe(true);
    const thailand = 'For the Delegation of the Kingdom of Thailand';
    const lao = "For the Delegation of the Lao People's Democratic Republic";
    expect(ascending(positions(th, ['Kingdom of Thailand', "Lao People's Democratic Republic"]))).toBe(true);
    expect(ascending(positions(la, ["Lao People's Democratic Republic", 'Kingdom of Thailand']))).toBe(true);
    expect(ascending(positions(th, [thailand, lao]))).toBe(true);
    expect(ascending(positions(la, [lao, thailand]))).toBe(true);
  });

  it('sets Thai in Sarabun and Lao in Noto Sans Lao, each run marked with its language', async () => {
    const raw = await docxPart(signed.TH);
    expect(raw).toMatch(/<w:rFonts w:ascii="Sarabun" w:cs="Sarabun"[^>]*\/>(?:(?!<\/w:r>).)*<w:lang w:val="th-TH"/);
    expect(raw).toMatch(/<w:rFonts w:ascii="Noto Sans Lao" w:cs="Noto Sans Lao"[^>]*\/>(?:(?!<\/w:r>).)*<w:lang w:val="lo-LA"/);
  });

  it('numbers pages "n of N" with the fingerprint in the footer, and marks only unsigned records DRAFT', async () => {
    const fingerprint = bundle.recordHash.slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
    const footer = await docxPart(signed.LA, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    // Once, in the original's own language.
    const footerText = await docxText(signed.LA, 'word/footer1.xml');
    expect(footerText).toContain(`ລະຫັດກວດສອບບົດບັນທຶກ: ${fingerprint}`);
    expect(footerText).not.toContain('Record fingerprint');
    expect(await docxText(signed.LA, 'word/header1.xml')).not.toContain('ຮ່າງ');

    expect(await docxText(draft, 'word/header1.xml')).toContain('ร่าง');
    expect(await docxPart(draft, 'word/header1.xml')).toMatch(/<v:textpath[^>]*string="ร่าง"/);
    expect(await docxText(draft)).toContain('DRAFT: not signed by every party; this is not an original');
  });
});
