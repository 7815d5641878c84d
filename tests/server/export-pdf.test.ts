// The PDF originals of CMM 04, exported by a real server and read back with the tools a
// reader would use (poppler's pdftotext, pdffonts, pdfdetach, pdftoppm).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../shared/record/canonical';
import { blocksText } from '../../shared/record/canonical-text';
import { wallClock } from '../../shared/dates';
import type { SignedBundle } from '../../shared/signing/bundle';
import { NoAttachedBundle, bundleFromPdf } from '../../shared/signing/pdf-bundle';
import { verifyBundle } from '../../shared/signing/verify';
import { loadExportSource } from '../../server/export/export-source';
import { originalFor } from '../../server/export/original';
import { writePdf } from '../../server/export/pdf/write-pdf';
import { breakOpportunities } from '../../server/export/line-breaks';
import { setParagraph } from '../../server/export/typeset';
import { createMeeting, fixture, startTestServer, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { agreeEverything, api, enrolNewKey, signAs } from '../helpers/lifecycle';
import { exportFile, pdfAttachments, pdfFonts, pdfPages, renderPages } from '../helpers/export-tools';
import { squash, unprintedTexts } from '../helpers/export-text';

describe('PDF originals of the CMM 04 record', () => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  let secretariat: string;
  let draftPdf: Buffer;
  let draftBundle: { status: number; body: string };
  let lockedPdf: Buffer;
  const signed: Record<'TH' | 'LA', Buffer> = { TH: Buffer.alloc(0), LA: Buffer.alloc(0) };
  let bundle: SignedBundle;
  let record: CanonicalRecord;

  const pdfOf = async (original: string, token = secretariat) => {
    const file = await exportFile(server, meeting, token, `pdf?original=${original}`);
    if (file.status !== 200) throw new Error(`export refused: ${file.status} ${file.body}`);
    return file.bytes;
  };

  beforeAll(async () => {
    server = await startTestServer();
    meeting = await createMeeting(server);
    secretariat = tokenOf(meeting, 'secretariat', 'TH');
    draftPdf = await pdfOf('TH');
    draftBundle = await exportFile(server, meeting, secretariat, 'bundle');
    await agreeEverything(server, meeting);
    const keys = { TH: await enrolNewKey(server, meeting, 'TH'), LA: await enrolNewKey(server, meeting, 'LA') };
    const locked = await api(server, secretariat, 'POST', `/api/meetings/${meeting.meetingId}/lock`);
    if (locked.status !== 200) throw new Error(`lock refused: ${JSON.stringify(locked.body)}`);
    lockedPdf = await pdfOf('LA');
    for (const party of ['TH', 'LA'] as const) {
      const answer = await signAs(server, meeting, party, keys[party].keys.privateKey);
      if (answer.status !== 201) throw new Error(`signature refused: ${JSON.stringify(answer.body)}`);
    }
    signed.TH = await pdfOf('TH');
    // A head exports too: the Lao head takes the Lao original.
    signed.LA = await pdfOf('LA', tokenOf(meeting, 'head', 'LA'));
    bundle = JSON.parse((await exportFile(server, meeting, secretariat, 'bundle')).bytes.toString('utf8')) as SignedBundle;
    record = bundle.record;
  }, 120_000);

  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  const segmentText = (language: string, item = 2) => blocksText(record.agenda[item]!.minutes[0]!.text[language]!);

  it('names each original after the meeting and the party', async () => {
    const th = await exportFile(server, meeting, secretariat, 'pdf?original=TH');
    expect(th).toMatchObject({ status: 200, fileName: 'CMM04-TH-original.pdf', contentType: 'application/pdf' });
    expect(th.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const json = await exportFile(server, meeting, secretariat, 'bundle');
    expect(json).toMatchObject({ status: 200, fileName: 'CMM-04-v1-signed.accord.json' });
  });

  it("gives back the record's Thai, Lao and English text, and Thai dates in the Buddhist Era", async () => {
    for (const party of ['TH', 'LA'] as const) {
      const text = (await pdfPages(signed[party])).join('\n');
      expect(unprintedTexts(text, record)).toEqual([]);
      for (const language of ['th', 'lo', 'en']) expect(squash(text)).toContain(squash(segmentText(language)));
      expect(text).toContain('12 มีนาคม 2568');
      expect(text).toContain('30 มิถุนายน 2568');
      expect(text).toContain('12 March 2025');
    }
  });

  it('embeds the Thai and Lao fonts, as subsets, with their Unicode maps', async () => {
    for (const party of ['TH', 'LA'] as const) {
      const fonts = await pdfFonts(signed[party]);
      for (const family of ['Sarabun', 'NotoSansLao', 'NotoSans-']) {
        const found = fonts.filter((f) => f.name.includes(`+${family}`));
        expect(found.length, `${family} in ${party}`).toBeGreaterThan(0);
        for (const font of found) expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
      }
      expect(fonts.every((f) => f.embedded)).toBe(true);
    }
  });

  it("follows the alternat: the party's language in the first column, the party named first, its head's block first", async () => {
    const order = (text: string, ...needles: string[]) => needles.map((n) => squash(text).indexOf(squash(n)));
    const ascending = (positions: number[]) => positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!));
    const th = (await pdfPages(signed.TH)).join('\n');
    const la = (await pdfPages(signed.LA)).join('\n');

    expect(ascending(order(th, segmentText('th'), segmentText('lo'), segmentText('en')))).toBe(true);
    expect(ascending(order(la, segmentText('lo'), segmentText('th'), segmentText('en')))).toBe(true);

    expect(ascending(order(th, '1. Kingdom of Thailand', "2. Lao People's Democratic Republic"))).toBe(true);
    expect(ascending(order(la, "1. Lao People's Democratic Republic", '2. Kingdom of Thailand'))).toBe(true);

    const thailand = 'For the Delegation of the Kingdom of Thailand';
    const lao = "For the Delegation of the Lao People's Democratic Republic";
    expect(ascending(order(th, thailand, lao))).toBe(true);
    expect(ascending(order(la, lao, thailand))).toBe(true);
    // The heads' names follow the same order in their signature blocks.
    expect(ascending(order(th, 'Jatuporn Rojanapanich', 'Brigadier General Kongsavath Bounleang'))).toBe(true);
    expect(ascending(order(la, 'Brigadier General Kongsavath Bounleang', 'Jatuporn Rojanapanich'))).toBe(true);
    // The closing formula names the original's own language first.
    expect(squash(th)).toContain(squash('in two originals, each in the Thai, Lao and English languages'));
    expect(squash(la)).toContain(squash('in two originals, each in the Lao, Thai and English languages'));
  });

  it('prints the record fingerprint and "page n of N" once on every page, in the original\'s language, and DRAFT on none of a signed original', async () => {
    const fingerprint = bundle.recordHash.slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
    const pageOf = { TH: (n: number, of: number) => `หน้า ${n} จาก ${of}`, LA: (n: number, of: number) => `ໜ້າ ${n} ຈາກ ${of}` };
    for (const party of ['TH', 'LA'] as const) {
      const pages = await pdfPages(signed[party]);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      pages.forEach((page, i) => {
        expect(page).toContain(pageOf[party](i + 1, pages.length));
        expect(page).not.toContain(`page ${i + 1} of`);
        expect(page.split(fingerprint).length - 1).toBe(1);
        expect(page).not.toContain('DRAFT');
        expect(page).not.toContain('ยังไม่ใช่ต้นฉบับ');
      });
      const last = pages[pages.length - 1]!;
      expect(last).toContain(bundle.recordHash);
      expect(squash(last)).toContain(`/verify?record=${bundle.recordHash}`);
    }
  });

  it("prints every time on the meeting's clock, Vientiane for CMM 04, with its offset", async () => {
    expect(record.meeting.timeZone).toBe('Asia/Vientiane');
    const signedAt = bundle.signatures.find((s) => s.party === 'TH')!.statement.signedAt;
    const clock = wallClock(signedAt, 'Asia/Vientiane');
    expect(clock.offset).toBe('+07:00');
    const text = (await pdfPages(signed.TH)).join('\n');
    expect(text).toContain(`เวลา ${clock.time} น. (UTC+07:00)`);
    expect(text).not.toContain('(UTC)');
    const lao = (await pdfPages(signed.LA)).join('\n');
    expect(lao).toContain(`${clock.time} ໂມງ (UTC+07:00)`);
  });

  it('carries the signed bundle as an attached file that verifies, read by pdfdetach and by the shared reader', async () => {
    for (const party of ['TH', 'LA'] as const) {
      const attached = await pdfAttachments(signed[party]);
      expect([...attached.keys()]).toEqual(['CMM04-bundle.json']);
      expect(JSON.parse(attached.get('CMM04-bundle.json')!.toString('utf8'))).toEqual(bundle);

      const fromPdf = await bundleFromPdf(signed[party]);
      const verdict = await verifyBundle(fromPdf);
      expect(verdict.valid).toBe(true);
      expect(verdict.recordHash).toBe(bundle.recordHash);
      expect(verdict.parties.map((p) => [p.party, p.signed])).toEqual([
        ['TH', true],
        ['LA', true],
      ]);
    }
  });

  it('a PDF whose attached record was altered no longer matches its record hash', async () => {
    const genuine = 'Both countries presented progress';
    const altered = 'Both countries prevented progress';
    const at = signed.TH.indexOf(genuine);
    expect(at).toBeGreaterThan(0);
    const forged = Buffer.from(signed.TH);
    forged.write(altered, at, 'latin1');
    const verdict = await verifyBundle(await bundleFromPdf(forged));
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons.map((r) => r.code)).toContain('record-hash-mismatch');
  });

  it('a PDF whose printed text was altered no longer says what the signed record says', async () => {
    const meetingRow = (await server.services.storage.getMeeting(meeting.meetingId))!;
    const recordRow = (await server.services.storage.getRecord(meetingRow.currentDocumentId))!;
    const source = await loadExportSource(server.services, meetingRow, recordRow);
    // The forger retypes one English paragraph and keeps the genuine, signed bundle attached.
    const forgedRecord = structuredClone(source.canonical);
    forgedRecord.agenda[2]!.minutes[0]!.text.en = [{ type: 'paragraph', runs: [{ text: 'Both countries reported that nothing was done.' }] }];
    const forged = await writePdf(originalFor({ record: forgedRecord, bundle: source.bundle }, 'TH', 'http://accord.test/verify'), new Date());

    expect((await verifyBundle(await bundleFromPdf(forged))).valid).toBe(true);
    const printed = (await pdfPages(forged)).join('\n');
    expect(unprintedTexts(printed, bundle.record).map((t) => [t.where, t.language])).toEqual([['agenda.2.minutes.0', 'en']]);
    expect(unprintedTexts((await pdfPages(signed.TH)).join('\n'), bundle.record)).toEqual([]);
  });

  it('marks a draft, and a locked record not yet signed, DRAFT on every page', async () => {
    for (const [pdf, draftWord, pageOf] of [
      [draftPdf, 'ร่าง', (n: number, of: number) => `หน้า ${n} จาก ${of}`],
      [lockedPdf, 'ຮ່າງ', (n: number, of: number) => `ໜ້າ ${n} ຈາກ ${of}`],
    ] as const) {
      const pages = await pdfPages(pdf);
      pages.forEach((page, i) => {
        expect(page).toContain(draftWord);
        expect(page).toContain(pageOf(i + 1, pages.length));
      });
      // The notice stands in every working language, each in its own words.
      expect(pages[0]).toContain('DRAFT: not signed by every party; this is not an original');
      expect(pages[0]).toContain('ร่าง: ยังไม่ได้ลงนามครบทุกฝ่าย จึงยังไม่ใช่ต้นฉบับ');
    }
    // A draft has no bundle yet; a locked record carries its bundle, which names who has not signed.
    await expect(bundleFromPdf(draftPdf)).rejects.toThrow(NoAttachedBundle);
    expect(draftBundle.status).toBe(409);
    expect(JSON.parse(draftBundle.body)).toMatchObject({ error: { code: 'not_locked' } });
    const verdict = await verifyBundle(await bundleFromPdf(lockedPdf));
    expect(verdict.reasons.map((r) => r.code)).toEqual(['unsigned', 'missing-party', 'missing-party']);
  });

  it('refuses delegates, observers and the administrator, and audits every export and refusal', async () => {
    for (const token of [tokenOf(meeting, 'delegate', 'TH'), tokenOf(meeting, 'observer'), null]) {
      for (const path of ['pdf?original=TH', 'docx?original=TH', 'bundle']) {
        const answer = await exportFile(server, meeting, token, path);
        expect(answer.status).toBe(403);
        expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'not_allowed' } });
      }
    }
    const log = await api<{ entries: { actor: string; action: string; detail: Record<string, unknown> }[] }>(
      server,
      secretariat,
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    const actions = log.body.entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'export.pdf').length).toBeGreaterThanOrEqual(4);
    expect(actions).toContain('export.bundle');
    const refused = log.body.entries.filter((e) => e.action.startsWith('export.') && e.action.endsWith('.refused'));
    expect(refused.filter((e) => e.detail.reason === 'not-permitted').length).toBe(6);
    expect(refused.filter((e) => e.detail.reason === 'not-a-participant' && e.actor === 'administrator').length).toBe(3);
    const signedExport = log.body.entries.find((e) => e.action === 'export.pdf' && e.detail.state === 'signed');
    expect(signedExport?.detail).toMatchObject({ original: 'TH', recordHash: bundle.recordHash, version: 1 });
  });

  it('answers a clear refusal for an original of no party, and for a version that does not exist', async () => {
    const unknown = await exportFile(server, meeting, secretariat, 'pdf?original=VN');
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error.message).toBe('Say whose original to export: original=TH or original=LA.');
    expect((await exportFile(server, meeting, secretariat, 'pdf')).status).toBe(400);
    expect((await exportFile(server, meeting, secretariat, 'pdf?original=TH&version=7')).status).toBe(404);
    expect((await exportFile(server, meeting, secretariat, 'pdf?original=TH&version=x')).status).toBe(400);
    const log = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(
      server,
      secretariat,
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    const reasons = log.body.entries.filter((e) => e.action === 'export.pdf.refused').map((e) => e.detail.reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown-party', 'no-such-version', 'invalid-body']));
  });

  it('sets lines at word boundaries, never wider than their column', async () => {
    const input = fixture('cmm04-th-la') as { minutes: { segments: Record<string, string>[] }[]; agenda: Record<string, string>[] };
    const texts = [...input.minutes.flatMap((m) => m.segments), ...input.agenda].flatMap((t) => Object.entries(t));
    for (const [language, text] of texts) {
      for (const width of [48, 96, 157]) {
        const lines = setParagraph([{ text }], { language, width, size: 9.5 });
        expect(lines.map((l) => l.text).join('')).toBe(text);
        for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 1e-6);
        if (width < 157) continue;
        // At a column's width every word fits, so every line ends where a word does.
        const breaks = new Set(breakOpportunities(text, language));
        let at = 0;
        for (const line of lines.slice(0, -1)) {
          at += line.text.length;
          expect(breaks.has(at), `${language} "${line.text}"`).toBe(true);
        }
      }
    }
  });

  it('renders both originals to PNG (test-artifacts/export) for people to look at', async () => {
    for (const party of ['TH', 'LA'] as const) {
      const files = await renderPages(signed[party], `CMM04-${party}-original`);
      expect(files.length).toBe((await pdfPages(signed[party])).length);
    }
    expect((await renderPages(lockedPdf, 'CMM04-LA-locked')).length).toBeGreaterThan(0);
  });
});
