import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMeeting, tokenOf } from '../helpers/server';
import { serverPerTest } from '../helpers/cleanup';
import { processed, synced, waitFor, type StockClient } from '../helpers/clients';
import { agenda, agendaItemTitle, minutes, segmentCells } from '../../shared/record/schema';
import { plainText } from '../../shared/record/rich-text';

describe('live sync with stock y-websocket clients', () => {
  const h = serverPerTest();
  const client = h.connect;

  it('serves the laid-out record: agenda titles and minutes in Thai, Lao and English', async () => {
    const meeting = await createMeeting(h.server);
    const thai = client(meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    await synced(thai);
    const items = agenda(thai.doc).toArray();
    expect(items).toHaveLength(8);
    expect(agendaItemTitle(items[0]!).get('th')?.toString()).toBe('พิธีเปิดการประชุม');
    expect(agendaItemTitle(items[0]!).get('lo')?.toString()).toBe('ພິທີເປີດກອງປະຊຸມ');
    const segments = minutes(thai.doc).get(items[2]!.get('id') as string)!;
    expect(plainText(segmentCells(segments.get(0)).get('en')!)).toMatch(/^Both countries presented progress/);
  });

  it('two delegates typing Thai and Lao into one segment converge, and a late joiner receives everything', async () => {
    const meeting = await createMeeting(h.server);
    const thai = client(meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    const lao = client(meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await Promise.all([synced(thai), synced(lao)]);

    const cell = (c: StockClient, lang: string) => {
      const item = agenda(c.doc).get(2).get('id') as string;
      return segmentCells(minutes(c.doc).get(item)!.get(0)).get(lang)!;
    };
    const insertInto = (fragment: Y.XmlFragment, text: string) => {
      const paragraph = fragment.get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, text);
    };
    insertInto(cell(thai, 'th'), 'ที่ประชุมรับทราบ ');
    insertInto(cell(lao, 'lo'), 'ກອງປະຊຸມຮັບຊາບ ');
    insertInto(cell(thai, 'lo'), 'ໄທ ');

    const same = () =>
      Y.encodeStateAsUpdate(thai.doc).length > 0 &&
      plainText(cell(thai, 'th')) === plainText(cell(lao, 'th')) &&
      plainText(cell(thai, 'lo')) === plainText(cell(lao, 'lo'));
    await waitFor(() => same() && plainText(cell(lao, 'th')).startsWith('ที่ประชุมรับทราบ'), 5000, 'convergence');
    expect(plainText(cell(lao, 'lo'))).toContain('ກອງປະຊຸມຮັບຊາບ');
    expect(plainText(cell(lao, 'lo'))).toContain('ໄທ ');

    const late = client(meeting.documentId, tokenOf(meeting, 'head', 'LA'));
    await synced(late);
    await waitFor(() => plainText(cell(late, 'lo')) === plainText(cell(thai, 'lo')), 5000, 'late joiner');
    expect(plainText(cell(late, 'th'))).toBe(plainText(cell(thai, 'th')));
  });

  it('presence: stock clients see each other come and go, and their echoes of others are never refused', async () => {
    const meeting = await createMeeting(h.server);
    const a = client(meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    const b = client(meeting.documentId, tokenOf(meeting, 'delegate', 'LA'));
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Wilaiwan', party: 'TH' });
    b.provider.awareness.setLocalStateField('user', { name: 'Noy', party: 'LA' });
    // Named as the roster names b's participant, whatever b wrote.
    const bName = meeting.invitations.find((i) => i.role === 'delegate' && i.party === 'LA')!.name;
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === bName, 5000, 'b seen by a');
    const c = client(meeting.documentId, tokenOf(meeting, 'observer'));
    await synced(c);
    await waitFor(() => c.provider.awareness.getStates().size === 3, 5000, 'c sees everyone');
    b.provider.destroy();
    await waitFor(() => !a.provider.awareness.getStates().has(b.doc.clientID), 5000, 'b gone at a');
    await waitFor(() => !c.provider.awareness.getStates().has(b.doc.clientID), 5000, 'b gone at c');
    // Anything a or c sent before now has been dealt with, and any refusal of it delivered.
    await processed(a, c);
    await processed(c, a);
    expect([...a.refusals, ...c.refusals]).toEqual([]);
  });
});
