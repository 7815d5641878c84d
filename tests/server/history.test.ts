import { describe, expect, it, vi } from 'vitest';
import { createMeeting, startTestServer, tokenOf } from '../helpers/server';
import { meetingRoomPerTest } from '../helpers/meeting-room';
import { stockClient, synced, waitFor } from '../helpers/clients';
import { storageKinds } from '../helpers/storages';
import { agreeEverything, api, signedBundleText } from '../helpers/lifecycle';
import { agenda, agendaItemTitle } from '../../shared/record/schema';
import { addAgendaItem } from '../../shared/record/segment-ops';

interface Version {
  id: string;
  kind: string;
  name: string | null;
  seq: number;
  by: { participantId: string; party: string } | null;
  editors: { participantId: string; party: string }[];
}
interface Run {
  change: string;
  text: string;
  by: { participantId: string; party: string; name: string } | null;
}

for (const kind of storageKinds('history')) {
  describe(`removal, versions, comparison and restore (${kind.name})`, () => {
    const room = meetingRoomPerTest(kind);
    const { connect, person } = room;
    const path = (rest: string) => `/api/meetings/${room.meeting.meetingId}${rest}`;
    const as = (role: string, party?: string) => tokenOf(room.meeting, role, party);
    const versions = async () => (await api<{ versions: Version[] }>(room.server, as('observer'), 'GET', path('/history'))).body.versions;

    it('bounds removal by whose text it holds, audits it, compares by party and person, and restores as a new edit', async () => {
      const named = await api<{ version: Version }>(room.server, as('secretariat', 'TH'), 'POST', path('/history'), { name: 'before the session' });
      expect(named.status).toBe(201);

      const thai = connect('delegate', 'TH');
      const lao = connect('delegate', 'LA');
      await Promise.all([synced(thai), synced(lao)]);
      const firstItem = agenda(thai.doc).get(0).get('id') as string;
      agendaItemTitle(agenda(thai.doc).get(0)).get('th')!.insert(0, 'ไทยเขียน ');
      addAgendaItem(lao.doc, 'lao-own-item', { lo: 'ລາວ' });
      await waitFor(
        () => agendaItemTitle(agenda(lao.doc).get(0)).get('th')!.toString().startsWith('ไทยเขียน') && agenda(thai.doc).length === 9,
        5000,
        'edits meet',
      );
      // Both edits stored, with who made them, before removal asks whose text an item holds.
      await vi.waitFor(
        async () => {
          const parties = (await room.server.services.storage.listEdits(room.meeting.documentId, 0, Number.MAX_SAFE_INTEGER)).map((e) => e.party);
          expect(parties).toEqual(expect.arrayContaining(['TH', 'LA']));
        },
        { timeout: 5000, interval: 20 },
      );

      // A delegation may not remove what holds another party's text; it may remove its own.
      const refused = await api(room.server, as('delegate', 'LA'), 'DELETE', path(`/record/agenda-item/${firstItem}`));
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'remove:not-your-party' } });
      expect((await api(room.server, as('delegate', 'LA'), 'DELETE', path('/record/agenda-item/lao-own-item'))).status).toBe(200);
      expect((await api(room.server, as('observer'), 'DELETE', path(`/record/agenda-item/${firstItem}`))).status).toBe(403);

      // The secretariat removes it; the audit log says what it said.
      const removed = await api<{ versionId: string }>(room.server, as('secretariat', 'TH'), 'DELETE', path(`/record/agenda-item/${firstItem}`));
      expect(removed.status).toBe(200);
      await waitFor(
        () =>
          !agenda(thai.doc)
            .toArray()
            .some((m) => m.get('id') === firstItem),
        5000,
        'removal reaches clients',
      );
      const log = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(room.server, as('secretariat', 'TH'), 'GET', path('/audit'));
      const entry = log.body.entries.find((e) => e.action === 'record.removed' && e.detail.id === firstItem)!;
      expect(JSON.stringify(entry.detail.removed)).toContain('ไทยเขียน');
      expect(log.body.entries.some((e) => e.action === 'record.remove-refused' && e.detail.reason === 'written-by-others')).toBe(true);

      // The history lists the versions with their authors; observers read it.
      const list = await versions();
      expect(list.map((v) => v.kind)).toEqual(['named', 'remove', 'remove']);
      const beforeRemoval = list.find((v) => v.id === removed.body.versionId)!;
      expect(list.flatMap((v) => v.editors.map((e) => e.party))).toEqual(expect.arrayContaining(['TH', 'LA']));
      const seen = await api<{ content: { agenda: { id: string; title: Record<string, string> }[] } }>(
        room.server,
        as('observer'),
        'GET',
        path(`/history/${beforeRemoval.id}`),
      );
      expect(seen.body.content.agenda.find((a) => a.id === firstItem)!.title.th).toContain('ไทยเขียน');

      // Comparing: the Thai delegate's insertion, in TH; the secretariat's removal, named.
      const compared = await api<{ cells: { id: string; language: string; runs: Run[] }[] }>(
        room.server,
        as('observer'),
        'GET',
        path(`/history/compare?from=${named.body.version.id}&to=current`),
      );
      expect(compared.status).toBe(200);
      const title = compared.body.cells.find((c) => c.id === firstItem && c.language === 'th')!;
      // (The Thai words came and went between the two: the title as it stood is what was removed.)
      expect(title.runs.find((r) => r.change === 'deleted')?.by).toMatchObject({ participantId: person('secretariat', 'TH') });
      const upToRemoval = await api<{ cells: { id: string; language: string; runs: Run[] }[] }>(
        room.server,
        as('head', 'LA'),
        'GET',
        path(`/history/compare?from=${named.body.version.id}&to=${beforeRemoval.id}`),
      );
      const inserted = upToRemoval.body.cells.find((c) => c.id === firstItem && c.language === 'th')!.runs.find((r) => r.change === 'inserted')!;
      expect(inserted).toMatchObject({ text: 'ไทยเขียน ', by: { participantId: person('delegate', 'TH'), party: 'TH' } });

      // Restore: the secretariat's only, and as a new edit.
      const body = { kind: 'agenda-item', itemId: firstItem };
      expect((await api(room.server, as('observer'), 'POST', path(`/history/${beforeRemoval.id}/restore`), body)).status).toBe(403);
      expect((await api(room.server, as('head', 'TH'), 'POST', path(`/history/${beforeRemoval.id}/restore`), body)).status).toBe(403);
      expect((await api(room.server, as('observer'), 'POST', path('/history'), { name: 'mine' })).status).toBe(403);
      const restored = await api(room.server, as('secretariat', 'LA'), 'POST', path(`/history/${beforeRemoval.id}/restore`), body);
      expect(restored.status).toBe(200);
      await waitFor(
        () =>
          agenda(lao.doc)
            .toArray()
            .some((m) => m.get('id') === firstItem),
        5000,
        'restored at clients',
      );
      expect(
        agendaItemTitle(
          agenda(lao.doc)
            .toArray()
            .find((m) => m.get('id') === firstItem)!,
        )
          .get('th')!
          .toString(),
      ).toContain('ไทยเขียน');
      const claims = await room.server.services.storage.listClientClaims(room.meeting.documentId);
      expect(claims.some((c) => c.participantId === person('secretariat', 'LA'))).toBe(true);
      expect((await api(room.server, as('secretariat', 'LA'), 'POST', path(`/history/${beforeRemoval.id}/restore`), body)).status).toBe(409);
    });

    it('keeps a version at the lock and the unlock', async () => {
      await agreeEverything(room.server, room.meeting);
      expect((await api(room.server, as('secretariat', 'TH'), 'POST', path('/lock'))).status).toBe(200);
      expect((await api(room.server, as('secretariat', 'TH'), 'POST', path('/unlock'), {})).status).toBe(200);
      const list = await versions();
      expect(list.map((v) => v.kind)).toEqual(['lock', 'unlock']);
      expect(list[0]!.by).toMatchObject({ participantId: person('secretariat', 'TH') });
    });

    it('keeps a version at each signature, and the amendment starts its own history with one', async () => {
      await signedBundleText(room.server, room.meeting);
      expect((await versions()).map((v) => v.kind)).toEqual(['lock', 'sign', 'sign']);
      const amended = await api<{ documentId: string }>(room.server, as('secretariat', 'TH'), 'POST', path('/amend'), {});
      expect(amended.status).toBe(201);
      expect((await versions()).map((v) => v.kind)).toEqual(['amend']);
      const old = await room.server.services.storage.listVersions(room.meeting.documentId);
      expect(old.map((v) => v.kind)).toEqual(['lock', 'sign', 'sign']);
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wait = { timeout: 5000, interval: 20 };

describe('automatic versions', () => {
  it('are kept while people edit, once the last stored version is older than ACCORD_VERSION_EVERY_SECONDS', async () => {
    const server = await startTestServer({ versionEveryMs: 1500 });
    const meeting = await createMeeting(server);
    const thai = stockClient(server.wsUrl, meeting.documentId, tokenOf(meeting, 'delegate', 'TH'));
    try {
      await synced(thai);
      const auto = async () => (await server.services.storage.listVersions(meeting.documentId)).filter((v) => v.kind === 'auto').length;
      const edits = async () => (await server.services.storage.listEdits(meeting.documentId, 0, Number.MAX_SAFE_INTEGER)).length;
      const title = () => agendaItemTitle(agenda(thai.doc).get(0)).get('en')!;
      title().insert(0, 'a');
      await vi.waitFor(async () => expect(await auto()).toBe(1), wait);
      // A second edit, stored, within the interval: no second version.
      const stored = await edits();
      title().insert(0, 'b');
      await vi.waitFor(async () => expect(await edits()).toBeGreaterThan(stored), wait);
      expect(await auto()).toBe(1);
      await pause(1500); // the interval itself has to pass
      title().insert(0, 'c');
      await vi.waitFor(async () => expect(await auto()).toBe(2), wait);
    } finally {
      thai.destroy();
      await server.stop();
      server.cleanup();
    }
  });
});
