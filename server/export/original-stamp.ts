// What an original PDF says of itself, in its document information: the layout version it
// was made by, whose original it is, and the verify page its QR code points to. These are
// the inputs, beside the attached bundle, the verifier needs to make the same file again;
// a stamp that lies makes another file, so it needs no protection of its own.

export const STAMP = {
  layout: 'AccordOriginal',
  party: 'AccordParty',
  verifyPage: 'AccordVerifyPage',
} as const;

export interface Stamp {
  layout: string;
  party: string;
  verifyPage: string;
}

/** The stamp of a PDF original, or null for a file made before originals were stamped. */
export function readStamp(pdf: Uint8Array): Stamp | null {
  const text = new TextDecoder('latin1').decode(pdf);
  const value = (key: string) => {
    // pdfkit writes each value of the document information as an object of its own.
    const reference = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text);
    const pattern = reference ? `(?:^|[\\r\\n])${reference[1]}\\s+0\\s+obj\\s*` : `/${key}\\s*`;
    const found = new RegExp(`${pattern}\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(text);
    return found ? unescapePdf(found[1]!) : null;
  };
  const layout = value(STAMP.layout);
  const party = value(STAMP.party);
  const verifyPage = value(STAMP.verifyPage);
  return layout !== null && party !== null && verifyPage !== null ? { layout, party, verifyPage } : null;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** A PDF literal string's escapes, as pdfkit writes them. */
const unescapePdf = (literal: string) => literal.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
