import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { NotCanonicalizable, canonicalize } from '../../shared/record/jcs';
import { canonicalRecord, canonicalText, recordHash, type CanonicalRecord, type RecordIdentity } from '../../shared/record/canonical';
import { blocksText } from '../../shared/record/canonical-text';
import { layRecord } from '../../shared/record/lay-record';
import { meetingInput } from '../../shared/record/meeting-input';
import { actionPoints, agenda, agendaItemTitle, minutes, participants, segmentCells } from '../../shared/record/schema';
import { displayFingerprint } from '../../shared/signing/fingerprint';
import { fixture } from '../helpers/server';

describe('RFC 8785 (JCS), against the examples of the RFC', () => {
  it('§3.2.2: literals, numbers and strings, members sorted', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.3: member names sorted by UTF-16 code units, not by code points', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",' +
        ' "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('Appendix B: numbers from their IEEE 754 bits', () => {
    const vectors: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of vectors) {
      const value = new DataView(Uint8Array.from(Buffer.from(bits, 'hex')).buffer).getFloat64(0);
      expect(canonicalize(value), bits).toBe(expected);
    }
  });

  it('refuses what is not I-JSON: NaN, Infinity, lone surrogates, undefined members', () => {
    for (const bits of ['7fffffffffffffff', '7ff0000000000000']) {
      const value = new DataView(Uint8Array.from(Buffer.from(bits, 'hex')).buffer).getFloat64(0);
      expect(() => canonicalize(value)).toThrow(NotCanonicalizable);
    }
    expect(() => canonicalize({ text: 'a\uD800b' })).toThrow(NotCanonicalizable);
    expect(() => canonicalize({ a: undefined })).toThrow(NotCanonicalizable);
  });
});

describe('the canonical record and its hash', () => {
  const input = meetingInput.parse(fixture('cmm04-th-la'));
  const identity: RecordIdentity = { meetingId: 'meeting-1', version: 1, previousRecordHash: null };

  function laidOut(): Y.Doc {
    const doc = new Y.Doc();
    let n = 0;
    const roster = input.participants.map((p) => ({ id: `p${++n}`, ...p }));
    layRecord(doc, input, { ...identity }, roster, () => `id${++n}`);
    return doc;
  }
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const firstCell = (doc: Y.Doc, language: string) =>
    segmentCells(
      minutes(doc)
        .get(agenda(doc).get(2).get('id') as string)!
        .get(0),
    ).get(language)!;

  it('holds the meeting, parties, participants, agenda with minutes per language, and action points', () => {
    const record = canonicalRecord(laidOut(), identity);
    expect(record.format).toBe('accord.record/1');
    expect(record.meeting.code).toBe('CMM 04');
    expect(record.parties.map((p) => p.code)).toEqual(['TH', 'LA']);
    expect(record.participants.find((p) => p.role === 'head' && p.party === 'TH')?.name).toBe('Jatuporn Rojanapanich');
    expect(record.agenda).toHaveLength(8);
    expect(record.agenda[0]!.title.th).toBe('พิธีเปิดการประชุม');
    const segment = record.agenda[2]!.minutes[0]!;
    expect(Object.keys(segment.text).sort()).toEqual(['en', 'lo', 'th']);
    expect(blocksText(segment.text.en!)).toMatch(/^Both countries presented progress/);
    expect(record.actionPoints[0]).toMatchObject({ party: 'TH', due: '2025-06-30', status: 'open' });
  });

  it('the record hash is SHA-256 of the RFC 8785 text, and the same document gives the same hash', () => {
    const one = laidOut();
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const record = canonicalRecord(one, identity);
    expect(recordHash(record)).toBe(sha256(canonicalText(record)));
    expect(recordHash(canonicalRecord(two, identity))).toBe(recordHash(record));
    // Rebuilding from the JSON alone gives the same bytes: anyone can recompute it.
    expect(canonicalText(JSON.parse(canonicalText(record)) as CanonicalRecord)).toBe(canonicalText(record));
    expect(displayFingerprint(recordHash(record))).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('any change to the text, its formatting, the roster or the version gives another hash', () => {
    const base = recordHash(canonicalRecord(laidOut(), identity));
    const changed = (change: (doc: Y.Doc) => void, id = identity) => {
      const doc = laidOut();
      change(doc);
      return recordHash(canonicalRecord(doc, id));
    };
    const hashes = [
      changed((doc) => ((firstCell(doc, 'th').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'ก')),
      changed((doc) => ((firstCell(doc, 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 4, { bold: {} })),
      changed((doc) => ((firstCell(doc, 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 4, { italic: {} })),
      changed((doc) => agendaItemTitle(agenda(doc).get(0)).get('en')!.insert(0, ' ')),
      changed((doc) => (actionPoints(doc).get(0).get('text') as Y.Map<Y.Text>).get('lo')!.delete(0, 1)),
      changed((doc) => actionPoints(doc).get(0).set('due', '2025-07-01')),
      changed((doc) => participants(doc).delete(0, 1)),
      changed(() => {}, { ...identity, version: 2, previousRecordHash: base }),
    ];
    expect(new Set([base, ...hashes]).size).toBe(hashes.length + 1);
  });

  it('rich text keeps headings, lists, and runs of bold, italic and bracket; split runs read the same', () => {
    const doc = laidOut();
    const cell = firstCell(doc, 'en');
    doc.transact(() => {
      cell.delete(0, cell.length);
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText('Findings')]);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      const inner = new Y.XmlElement('paragraph');
      inner.insert(0, [new Y.XmlText('first point')]);
      item.insert(0, [inner]);
      list.insert(0, [item]);
      cell.insert(0, [heading, paragraph, list]);
      text.insert(0, 'The ');
      text.insert(4, 'parties', { bold: {} });
      text.insert(11, ' agree', { bold: {} }); // a second op with the same marks: one run
      text.insert(17, ' to ', { bold: null });
      text.insert(21, 'meet', { italic: {}, bracket: {} });
    });
    const record = canonicalRecord(doc, identity);
    expect(record.agenda[2]!.minutes[0]!.text.en).toEqual([
      { type: 'heading', level: 2, runs: [{ text: 'Findings' }] },
      {
        type: 'paragraph',
        runs: [{ text: 'The ' }, { text: 'parties agree', marks: ['bold'] }, { text: ' to ' }, { text: 'meet', marks: ['bracket', 'italic'] }],
      },
      { type: 'bulletList', items: [[{ type: 'paragraph', runs: [{ text: 'first point' }] }]] },
    ]);
  });
});
