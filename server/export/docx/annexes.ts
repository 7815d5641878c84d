// After the signatures, on pages of their own: the participants annex (each delegation by
// the original's order, observers apart) and the signature page (record hash, QR code,
// each signature statement as signed).
import { ImageRun, Paragraph, type Table } from 'docx';
import { qrPng } from './qr-png';
import type { CanonicalRecord } from '../../../shared/record/canonical';
import { decodeBase64 } from '../../../shared/signing/base64';
import { digitsIn } from '../../../shared/dates';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { dateAndTime, inLanguages, labelsFor, type Labels } from '../labels';
import { observersOf, textIn, type Original } from '../original';
import { MUTED, SIZE, para, sideBySide, text } from './blocks';

type Part = Paragraph | Table;
type Participant = CanonicalRecord['participants'][number];

/** The same words in every working language of the original, each once. */
const everyLanguage = (o: Original, words: (labels: Labels, language: string) => string) => inLanguages(o.languages, words);

export function participantsAnnex(o: Original): Part[] {
  const own = o.languages[0]!;
  const parts: Part[] = o.languages.map((l, i) =>
    text(labelsFor(l).annex, l, { size: SIZE.title, bold: true, align: 'center', pageBreakBefore: i === 0, after: 60 }),
  );
  const delegation = (heading: string, members: Participant[]) => {
    const small = { size: SIZE.small, bold: true, color: MUTED, after: 20 };
    const header = ['#', everyLanguage(o, (l) => l.name), everyLanguage(o, (l) => l.position), everyLanguage(o, (l) => l.agency)].map((h) => [
      text(h, own, small),
    ]);
    const rows = members.map((m, i) => {
      const role =
        m.role === 'head' || m.role === 'secretariat' ? [text(labelsFor(own).roles[m.role]!, own, { size: SIZE.small, italic: true, color: MUTED })] : [];
      return [
        [text(digitsIn(own, i + 1), own, { size: SIZE.body })],
        [text(m.name, own, { size: SIZE.body, after: 20 }), ...role],
        [text(m.title, own, { size: SIZE.body })],
        [text(m.agency, own, { size: SIZE.body })],
      ];
    });
    parts.push(
      text(heading, own, { size: SIZE.heading, bold: true, keepNext: true, after: 100 }),
      sideBySide([header, ...rows], [5, 31, 27, 37], { borders: true }),
      text(' ', own, { size: SIZE.body }),
    );
  };
  for (const party of o.parties) {
    delegation(
      everyLanguage(o, (_, l) => textIn(party.name, l, o.record)),
      o.record.participants.filter((p) => p.party === party.code && p.role !== 'observer'),
    );
  }
  const observers = observersOf(o.record);
  if (observers.length > 0)
    delegation(
      everyLanguage(o, (l) => l.observers),
      observers,
    );
  return parts;
}

export async function signaturePage(o: Original): Promise<Part[]> {
  const own = o.languages[0]!;
  const labels = labelsFor(own);
  const body = { size: SIZE.body, after: 60 };
  const technical = { size: SIZE.small - 1, color: MUTED, after: 60 };
  const parts: Part[] = [
    text(
      everyLanguage(o, (l) => l.signaturePage),
      own,
      { size: SIZE.title, bold: true, align: 'center', pageBreakBefore: true },
    ),
    text(`${o.meetingCode} · ${labels.version(o.record.version)}`, own, { size: SIZE.body, align: 'center', color: MUTED, after: 240 }),
  ];
  const labelled = (label: string, value: string, size: number = SIZE.body) =>
    para([{ text: `${label}: `, bold: true }, { text: value }], own, { size, after: 60 });
  if (o.recordHash && o.fingerprint) {
    parts.push(
      labelled(
        everyLanguage(o, (l) => l.recordHash),
        o.recordHash,
      ),
      labelled(
        everyLanguage(o, (l) => l.fingerprint),
        o.fingerprint,
      ),
    );
    if (o.record.previousRecordHash) parts.push(labelled(labels.amends, o.record.previousRecordHash, SIZE.small));
  } else {
    parts.push(
      labelled(
        everyLanguage(o, (l) => l.recordHash),
        labels.notLocked,
      ),
    );
  }
  if (o.verifyUrl) {
    const png = qrPng(o.verifyUrl, 6);
    parts.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 140, height: 140 } })] }));
    parts.push(
      labelled(
        everyLanguage(o, (l) => l.verifyAt),
        o.verifyUrl,
        SIZE.small,
      ),
    );
  }
  for (const block of o.signatureBlocks) {
    parts.push(text(labels.forDelegation(textIn(block.party.name, own, o.record)), own, { size: SIZE.heading, bold: true, keepNext: true, after: 60 }));
    const signature = block.signature;
    if (!signature) {
      parts.push(text(labels.notSigned, own, body));
      continue;
    }
    const { statement } = signature;
    const { date, time } = dateAndTime(statement.signedAt, own, o.timeZone);
    parts.push(
      text(`${statement.signerName}${statement.signerTitle ? `, ${statement.signerTitle}` : ''}`, own, body),
      text(labels.signedOn(date, time), own, body),
      text(`${labels.key}: ${displayFingerprint(signature.keyFingerprint)}`, own, body),
      text(`${everyLanguage(o, (l) => l.statement)}: ${new TextDecoder().decode(decodeBase64(signature.statementBytes))}`, own, technical),
      text(`${everyLanguage(o, (l) => l.signature)}: ${signature.signature}`, own, { ...technical, after: 200 }),
    );
  }
  return parts;
}
