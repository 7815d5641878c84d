// A party's original as a Word document, for secretariats that keep their records in Word:
// the same sections and order as the PDF, a running head naming whose original it is, a
// footer with the record fingerprint and "page n of N", and DRAFT on every page of anything
// not signed by every party. It embeds the fonts its runs name, so Word on a machine without
// Sarabun or Noto sets the same faces; it carries the signed bundle and the stamp of the
// PDF (layout version, party, verify page); and the same bundle makes the same bytes, so the
// verifier makes it again and compares, as for the PDF.
import { Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun, AlignmentType, type FileChild } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { bundleFileText } from '../../../shared/signing/bundle';
import { labelsFor } from '../labels';
import { ORIGINAL_LAYOUT, madeAt, textIn, type Original } from '../original';
import { STAMP } from '../original-stamp';
import { DRAFT_RED, MUTED, SIZE, text } from './blocks';
import { actionMatrix, closing, minutes, partiesAndAgenda, signatureBlocks, titleBlock } from './body';
import { participantsAnnex, signaturePage } from './annexes';
import { caseAnnex } from './case-annex';
import { embeddedFonts, fontNamesIn } from './embedded-fonts';
import { lay } from './package';
import { plainRuns } from './runs';
import type { FontOptions } from './embedded-fonts';

export async function writeDocx(original: Original, now: Date): Promise<Buffer> {
  const children: FileChild[] = [
    ...titleBlock(original),
    ...partiesAndAgenda(original),
    ...minutes(original),
    ...actionMatrix(original),
    ...caseAnnex(original),
    ...closing(original),
    ...signatureBlocks(original),
    ...participantsAnnex(original),
    ...(await signaturePage(original)),
  ];
  // Which fonts to embed is known once the runs are written: a first packing names them.
  const names = fontNamesIn(await Packer.toBuffer(documentOf(original, children, [])));
  const packed = await Packer.toBuffer(documentOf(original, children, embeddedFonts(names)));
  return lay(packed, { made: madeAt(original, now), bundle: original.bundle ? bundleFileText(original.bundle) : null });
}

function documentOf(original: Original, children: FileChild[], fonts: FontOptions[]): Document {
  const own = original.languages[0] ?? 'en';
  const labels = labelsFor(own);
  const landscape = original.languages.length > 3;
  return new Document({
    creator: 'Accord',
    title: `${original.meetingCode} · ${textIn(original.record.meeting.series, own, original.record)}`,
    subject: labels.originalOf(textIn(original.party.name, own, original.record)),
    keywords: original.recordHash ?? 'draft',
    description: original.recordHash ? `record hash ${original.recordHash}` : 'draft',
    lastModifiedBy: 'Accord',
    revision: original.record.version,
    customProperties: [
      { name: STAMP.layout, value: ORIGINAL_LAYOUT },
      { name: STAMP.party, value: original.party.code },
      { name: STAMP.verifyPage, value: original.verifyPage },
    ],
    fonts,
    styles: { default: { document: { run: { font: 'Noto Sans', size: SIZE.body * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: 1300, bottom: 1300, left: 1000, right: 1000, header: 560, footer: 560 },
          },
        },
        headers: { default: header(original) },
        footers: { default: footer(original) },
        children,
      },
    ],
  });
}

function header(o: Original): Header {
  const own = o.languages[0]!;
  const labels = labelsFor(own);
  const children = [text(`${o.meetingCode} · ${labels.originalOf(textIn(o.party.name, own, o.record))}`, own, { size: 7, color: MUTED, after: 0 })];
  if (!o.final) {
    children.push(text(labels.draft, own, { size: 9, bold: true, color: DRAFT_RED, align: 'right', after: 0 }));
    children.push(new Paragraph({ children: [new TextWatermark({ text: labels.draft, color: DRAFT_RED, opacity: 0.15, layout: 'diagonal' })] }));
  }
  return new Header({ children });
}

/** Once, in the original's own language. */
function footer(o: Original): Footer {
  const own = o.languages[0]!;
  const languages = [own];
  const style = { size: 7, color: MUTED };
  return new Footer({
    children: languages.map((language) => {
      const labels = labelsFor(language);
      // "page n of N" with Word's own fields for n and N, in the words of each language.
      const [before = '', between = '', after = ''] = labels.page('\u0001', '\u0002').split(/[\u0001\u0002]/);
      const fingerprint = `${labels.fingerprint}: ${o.fingerprint ?? labels.notLocked} · ${labels.version(o.record.version)}   `;
      return new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [
          ...plainRuns(fingerprint + before, language, style),
          new TextRun({ children: [PageNumber.CURRENT], size: style.size * 2, color: MUTED }),
          ...plainRuns(between, language, style),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: style.size * 2, color: MUTED }),
          ...plainRuns(after, language, style),
        ],
      });
    }),
  });
}
