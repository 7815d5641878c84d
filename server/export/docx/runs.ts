// Text for Word, run by run as for the PDF: each run names the font file that has its
// letters (Sarabun for Thai, Noto Sans Lao for Lao, Sarabun Latin for Latin in a Thai text,
// …; the document embeds them all) in every font slot, and its language, so Word neither
// substitutes a font nor takes Thai or Lao for a spelling mistake in English.
import { TextRun } from 'docx';
import { fontRuns, type StyledText } from '../script-runs';
import { wordFamily } from './font-names';

export interface RunStyle {
  /** Points. */
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Hex without #. */
  color?: string;
}

const WORD_LANGUAGE: Record<string, string> = { th: 'th-TH', lo: 'lo-LA', km: 'km-KH', my: 'my-MM', vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

const wordLanguage = (language: string) => WORD_LANGUAGE[language.toLowerCase()] ?? language;

export function runs(spans: StyledText[], language: string, style: RunStyle): TextRun[] {
  const styled = spans.map((s) => ({ text: s.text, bold: s.bold || style.bold, italic: s.italic || style.italic }));
  const { text, runs: set } = fontRuns(styled, language);
  const out: TextRun[] = [];
  for (const run of set) {
    const family = wordFamily(run.face);
    const lang = wordLanguage(language);
    text
      .slice(run.start, run.end)
      .split('\n')
      .forEach((piece, i) => {
        out.push(
          new TextRun({
            text: piece,
            break: i > 0 ? 1 : undefined,
            font: { ascii: family, hAnsi: family, cs: family, eastAsia: family },
            size: style.size * 2,
            sizeComplexScript: style.size * 2,
            bold: run.weight === 700,
            boldComplexScript: run.weight === 700,
            italics: run.slant === 'italic',
            italicsComplexScript: run.slant === 'italic',
            color: style.color,
            language: { value: lang, bidirectional: lang },
          }),
        );
      });
  }
  return out;
}

export const plainRuns = (text: string, language: string, style: RunStyle) => runs([{ text }], language, style);
