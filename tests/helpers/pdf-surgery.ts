// What a forger can do to an exported original without touching its attached bundle: an
// incremental update (ISO 32000-1 §7.5.6) appended after %%EOF that gives page 1 a second
// content stream, drawn after the genuine one: a white box over some text and a red bar.
// Readers show the updated page; the bytes before the update stay exactly as they were.

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

export function paintOverFirstPage(pdf: Buffer): Buffer {
  const text = latin1(pdf);
  const page = /(\d+) 0 obj\s*<<\s*\/Type \/Page\s([\s\S]*?)>>\s*endobj/.exec(text);
  if (!page) throw new Error('no page object');
  const [, pageNumber, body] = page;
  const contents = /\/Contents (\d+) 0 R/.exec(body!)![1];
  const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+ 0 R)/.exec(trailer)![1];
  const info = /\/Info (\d+ 0 R)/.exec(trailer)![1];
  const id = /\/ID (\[[^\]]*\])/.exec(trailer)![1];
  const previous = Number(/startxref\s+(\d+)/.exec(trailer)![1]);

  // The genuine content is wrapped in q … Q, so the paint is drawn in the page's own space.
  const streams = ['q', 'Q q 1 1 1 rg 40 600 520 200 re f 0.8 0 0 rg 40 580 520 14 re f Q'].map(
    (paint, i) => `${size + i} 0 obj\n<< /Length ${paint.length} >>\nstream\n${paint}\nendstream\nendobj\n`,
  );
  const newPage = `${pageNumber} 0 obj\n<<${body!.replace(/\/Contents \d+ 0 R/, `/Contents [${size} 0 R ${contents} 0 R ${size + 1} 0 R]`)}>>\nendobj\n`;
  let offset = pdf.length + 1;
  const at: number[] = [];
  for (const part of [...streams, newPage]) {
    at.push(offset);
    offset += part.length;
  }
  const entry = (n: number) => `${String(n).padStart(10, '0')} 00000 n \n`;
  const xref =
    `xref\n0 1\n0000000000 65535 f \n${pageNumber} 1\n${entry(at[2]!)}${size} 2\n${entry(at[0]!)}${entry(at[1]!)}` +
    `trailer\n<< /Size ${size + 2} /Root ${root} /Info ${info} /ID ${id} /Prev ${previous} >>\nstartxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(`\n${streams.join('')}${newPage}${xref}`, 'latin1')]);
}

/** The same bytes with one ASCII word replaced by another of the same length. */
export function replaceSameLength(pdf: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('the words must be as long as each other');
  const at = pdf.indexOf(from, 0, 'latin1');
  if (at < 0) throw new Error(`"${from}" is not in the file`);
  const out = Buffer.from(pdf);
  out.write(to, at, 'latin1');
  return out;
}
