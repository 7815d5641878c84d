// A party's original as PDF: the record typeset in its working languages by the alternat,
// the marks on every page, and the signed bundle attached as a file, so the PDF alone can
// be verified. The same original gives the same bytes every time (its dates are the
// bundle's, pdfkit's file id is made from them, the font subsets from the glyphs drawn),
// and it names what it was made by, so the verifier can make it again and compare.
import { bundleFileText } from '../../../shared/signing/bundle';
import { ORIGINAL_LAYOUT, madeAt, textIn, type Original } from '../original';
import { STAMP } from '../original-stamp';
import { withPortableDeflate } from './portable-deflate';
import { labelsFor } from '../labels';
import { Canvas, newDocument, type Doc } from './canvas';
import { pageGeometry, type Ctx } from './context';
import { Flow } from './flow';
import { actionSection, agendaSection, minutesSection, partiesSection, titleBlock } from './body';
import { closingSection, signatureBlocks } from './closing';
import { participantsAnnex } from './annex';
import { caseAnnexSection } from './case-annex';
import { signaturePage } from './signature-page';
import { pageMarks } from './page-marks';

export async function writePdf(original: Original, now: Date): Promise<Buffer> {
  const own = original.languages[0] ?? 'en';
  const made = madeAt(original, now);
  const { box, layout } = pageGeometry(original.languages.length);
  const title = `${original.meetingCode} · ${textIn(original.record.meeting.series, own, original.record)}`;
  const doc = newDocument({
    lang: own,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: title,
      Subject: labelsFor(own).originalOf(textIn(original.party.name, own, original.record)),
      Author: 'Accord',
      Keywords: original.recordHash ?? 'draft',
      CreationDate: made,
      [STAMP.layout]: ORIGINAL_LAYOUT,
      [STAMP.party]: original.party.code,
      [STAMP.verifyPage]: original.verifyPage,
    } as PDFKit.DocumentInfo,
  });
  const done = collect(doc);
  const canvas = new Canvas(doc);
  const flow = new Flow(doc, box, layout);
  const ctx: Ctx = { canvas, flow, original, own: labelsFor(own), headings: [] };

  flow.newPage();
  // Typesetting is synchronous work; between sections the server answers its sockets.
  for (const section of [
    titleBlock,
    partiesSection,
    agendaSection,
    minutesSection,
    actionSection,
    caseAnnexSection,
    closingSection,
    signatureBlocks,
    participantsAnnex,
    signaturePage,
    pageMarks,
  ]) {
    section(ctx);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (original.bundle) attachBundle(doc, original, made);
  withPortableDeflate(() => doc.end());
  return done;
}

// The bundle is stored uncompressed: a reader finds it with a few string searches, in the
// browser too, and the canonical record inside stays greppable.
function attachBundle(doc: Doc, original: Original, made: Date): void {
  const compress = doc.compress;
  doc.compress = false;
  doc.file(Buffer.from(bundleFileText(original.bundle!), 'utf8'), {
    name: original.bundleFileName,
    type: 'application/json',
    description: `Signed bundle of ${original.meetingCode}, version ${original.record.version} (accord.signed-bundle/1)`,
    relationship: 'Data',
    creationDate: made,
    modifiedDate: made,
  } as PDFKit.Mixins.PDFAttachmentOptions);
  doc.compress = compress;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
