// Word drafts as secretariats write them before a meeting, made with the docx package (a
// real .docx, as Word saves it): minutes in Thai under headings; parallel texts in tables;
// a file cut short; and a draft with paragraphs that cannot be placed.
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const cell = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new TableCell({ children: [new Paragraph({ text, heading })] });
const row = (cells: string[], heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new TableRow({ children: cells.map((c) => cell(c, heading)) });
const pack = (children: (Paragraph | Table)[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

/** A Thai draft of minutes: a title, two agenda items, three paragraphs (one in bold and italics). */
export const thaiMinutes = () =>
  pack([
    new Paragraph({ text: 'ร่างบันทึกการประชุม CMM 05', heading: HeadingLevel.TITLE }),
    new Paragraph({ text: 'การเปิดการประชุม', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun({ text: 'ประธานฝ่ายไทย', bold: true }), new TextRun(' กล่าวต้อนรับคณะผู้แทนฝ่ายลาว')] }),
    new Paragraph(''),
    new Paragraph({ text: 'การติดตามผลการส่งกลับผู้เสียหาย', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('ที่ประชุมรับทราบผลการส่งกลับผู้เสียหายจำนวน 12 ราย'),
    new Paragraph({ children: [new TextRun({ text: 'ทั้งสองฝ่ายเห็นพ้องให้แลกเปลี่ยนข้อมูลรายกรณีทุกไตรมาส', italics: true })] }),
  ]);

/** Parallel texts: a table whose first row names the languages, then one told by its scripts; a heading row titles an item in three languages. */
export const parallelTables = () =>
  pack([
    new Paragraph({ text: 'Opening of the meeting', heading: HeadingLevel.HEADING_1 }),
    new Table({
      rows: [
        row(['ภาษาไทย', 'ພາສາລາວ', 'English']),
        row(['ประธานกล่าวเปิดการประชุม', 'ປະທານກ່າວເປີດກອງປະຊຸມ', 'The chair opened the meeting.']),
        row(['ที่ประชุมรับรองระเบียบวาระ', 'ກອງປະຊຸມຮັບຮອງລະບຽບວາລະ', 'The meeting adopted the agenda.']),
      ],
    }),
    new Table({
      rows: [
        row(['การส่งกลับผู้เสียหาย', 'ການສົ່ງກັບຜູ້ເສຍຫາຍ', 'Return of victims'], HeadingLevel.HEADING_2),
        row(['ฝ่ายไทยรายงานผลการส่งกลับ', 'ຝ່າຍລາວຮັບຊາບ', 'Thailand reported on the returns.']),
      ],
    }),
  ]);

/** A draft that cannot be placed whole: text before any heading, a Khmer column in a Thai–Lao–English meeting, a short row. */
export const misplacedDraft = () =>
  pack([
    new Paragraph('บันทึกนี้จัดทำโดยฝ่ายเลขานุการ'),
    new Paragraph({ text: 'วาระที่ 1', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('ข้อความที่ถูกต้อง'),
    new Table({
      rows: [row(['ที่ประชุมรับทราบ', 'ការប្រជុំបានកត់សម្គាល់']), new TableRow({ children: [cell('แถวที่ขาด')] })],
    }),
  ]);

/** A .docx cut short in the middle, as a failed download leaves it. */
export const brokenDraft = async () => {
  const whole = await thaiMinutes();
  return whole.subarray(0, Math.floor(whole.length / 2));
};

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Kept so that an image in a draft can be shown to be dropped, not to fail the import.
export const withImage = () =>
  pack([
    new Paragraph({ text: 'Opening', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } })] }),
    new Paragraph('The chair opened the meeting.'),
  ]);

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
