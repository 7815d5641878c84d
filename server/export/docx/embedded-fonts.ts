// The fonts a Word original embeds: every font file its runs name, each in the weights and
// slants Word may ask for, renamed as the runs name it (font-names.ts).
import type { IPropertiesOptions } from 'docx';

export type FontOptions = NonNullable<IPropertiesOptions['fonts']>[number];
import { unzipSync } from 'fflate';
import { facesInUse, fontFile, variantOf, type Face } from '../fonts';
import { renamed, wordFamily } from './font-names';

/** The font names the runs of a packed document use, sorted. */
export function fontNamesIn(packed: Uint8Array): string[] {
  const files = unzipSync(packed, { filter: (f) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(f.name) });
  const names = new Set<string>();
  for (const data of Object.values(files)) for (const match of new TextDecoder().decode(data).matchAll(/w:ascii="([^"]+)"/g)) names.add(match[1]!);
  return [...names].sort();
}

export function embeddedFonts(names: string[]): FontOptions[] {
  const faces = facesInUse();
  return names.flatMap((name) => {
    const face = faces.find((f) => wordFamily(f) === name);
    if (!face) return [];
    const file = (weight: 400 | 700, slant: 'normal' | 'italic'): Buffer | undefined => {
      const variant: Face | null = variantOf(face, weight, slant);
      return variant ? renamed(fontFile(variant), name, weight === 700, slant === 'italic') : undefined;
    };
    return [{ name, data: file(400, 'normal')!, bold: file(700, 'normal'), italic: file(400, 'italic'), boldItalic: file(700, 'italic') }];
  });
}
