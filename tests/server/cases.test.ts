// The case annex of a Case Management Meeting: kept beside the record, read and written over
// HTTP by the parties' delegations only, never sent on any socket (an observer's least of
// all), agreed by each head, sealed into the record at the lock by its digest; personal data
// found in it blocks the lock until cleared or dismissed, and the dismissal is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { storageKinds } from '../helpers/storages';
import { stockClient, synced, waitFor, type StockClient } from '../helpers/clients';
import { agreeEverything, api, recordOf } from '../helpers/lifecycle';
import { annexDigest } from '../../shared/cases/annex';
import type { CaseEntry } from '../../shared/cases/case';

const CASE = {
  sides: [
    { party: 'TH', reference: 'TH-2025-0141', agency: 'Shelter for Children and Families, Nong Khai' },
    { party: 'LA', reference: 'LA-0387', agency: 'Department of Social Welfare' },
  ],
  stage: 'nationality-verified',
  nextStep: { en: 'Agree the repatriation date at the Nong Khai border', th: 'กำหนดวันส่งกลับที่ด่านหนองคาย', lo: 'ກຳນົດວັນສົ່ງກັບທີ່ດ່ານໜອງຄາຍ' },
  due: '2025-04-30',
};

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

describe.each(storageKinds('accord_cases'))('the case annex, on $name', (storage) => {
  let server: TestServer;
  let meeting: CreatedMeetingResponse;
  const clients: StockClient[] = [];
  const casesPath = () => `/api/meetings/${meeting.meetingId}/cases`;
  const as = (role: string, party?: string) => tokenOf(meeting, role, party);

  beforeAll(async () => {
    server = await storage.start();
    meeting = await createMeeting(server);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await storage.stop(server);
  });

  it('is read and written by heads, delegates and secretariat, and refused to observers on every path', async () => {
    const added = await api<{ case: CaseEntry }>(server, as('secretariat', 'TH'), 'POST', casesPath(), CASE);
    expect(added.status).toBe(201);
    const id = added.body.case.id;

    for (const [role, party] of [
      ['secretariat', 'LA'],
      ['head', 'TH'],
      ['delegate', 'LA'],
    ] as const) {
      const read = await api<{ cases: CaseEntry[] }>(server, as(role, party), 'GET', casesPath());
      expect(read.status, `${role} ${party}`).toBe(200);
      expect(read.body.cases.map((c) => c.sides.map((s) => s.reference))).toEqual([['TH-2025-0141', 'LA-0387']]);
    }
    const changed = await api(server, as('delegate', 'LA'), 'PUT', `${casesPath()}/${id}`, { ...CASE, stage: 'repatriation-agreed' });
    expect(changed.status).toBe(200);

    const observer = as('observer');
    expect((await api(server, observer, 'GET', casesPath())).status).toBe(403);
    expect((await api(server, observer, 'POST', casesPath(), CASE)).status).toBe(403);
    expect((await api(server, observer, 'PUT', `${casesPath()}/${id}`, CASE)).status).toBe(403);
    expect((await api(server, observer, 'DELETE', `${casesPath()}/${id}`)).status).toBe(403);
    expect((await api(server, observer, 'POST', `${casesPath()}/agreement`, { digest: '0'.repeat(64), agreed: true })).status).toBe(403);
    expect((await api(server, observer, 'POST', `/api/meetings/${meeting.meetingId}/findings/dismissals`, { key: 'x' })).status).toBe(403);
    // The observer's refused attempts are in the log; nothing of the case is in what they were told.
    const stillOne = await api<{ cases: CaseEntry[] }>(server, as('head', 'LA'), 'GET', casesPath());
    expect(stillOne.body.cases).toHaveLength(1);
    expect(stillOne.body.cases[0]!.stage).toBe('repatriation-agreed');
  });

  it('refuses a name where a case reference goes, and keeps the annex as it was', async () => {
    const bad = await api<{ error: { code: string } }>(server, as('secretariat', 'TH'), 'POST', casesPath(), {
      ...CASE,
      sides: [{ party: 'TH', reference: 'Malee Jaidee', agency: '' }],
    });
    expect(bad.status).toBe(400);
    expect((await api<{ cases: CaseEntry[] }>(server, as('head', 'TH'), 'GET', casesPath())).body.cases).toHaveLength(1);
  });

  it('never reaches an observer’s socket: no byte of it is in any update the observer is sent', async () => {
    const frames: Buffer[] = [];
    const observer = stockClient(server.wsUrl, meeting.documentId, as('observer'));
    clients.push(observer);
    observer.provider.ws!.addEventListener('message', (event) => frames.push(Buffer.from(event.data as ArrayBuffer)));
    const delegate = stockClient(server.wsUrl, meeting.documentId, as('delegate', 'TH'));
    clients.push(delegate);
    await Promise.all([synced(observer), synced(delegate)]);

    // While the observer listens: a second case, a change, both heads agree.
    const second = await api<{ case: CaseEntry }>(server, as('delegate', 'TH'), 'POST', casesPath(), {
      ...CASE,
      sides: [{ party: 'TH', reference: 'TH-2025-0199', agency: 'Royal Thai Police' }],
      stage: 'identified',
      nextStep: { en: 'Verify nationality with the Lao embassy' },
    });
    expect(second.status).toBe(201);
    const annex = await api<{ digest: string }>(server, as('head', 'TH'), 'GET', casesPath());
    for (const party of ['TH', 'LA'])
      expect((await api(server, as('head', party), 'POST', `${casesPath()}/agreement`, { digest: annex.body.digest, agreed: true })).status).toBe(200);

    // The delegate's edit after all of it reaches the observer: everything sent before it has arrived.
    delegate.doc.getText('marker').insert(0, 'after the cases');
    await waitFor(() => observer.doc.getText('marker').toString() === 'after the cases', 5000, 'the edit at the observer');

    const received = Buffer.concat(frames);
    expect(frames.length).toBeGreaterThan(1);
    expect(received.includes(bytesOf('after the cases'))).toBe(true); // the check can see text when it is there
    for (const secret of ['TH-2025-0141', 'LA-0387', 'TH-2025-0199', 'Nong Khai border', 'ด่านหนองคาย', 'Lao embassy', second.body.case.id, annex.body.digest])
      expect(received.includes(bytesOf(secret)), secret).toBe(false);
  });

  it('an observer’s view of the record names no case; the annex digest alone is sealed at the lock', async () => {
    const observerView = await recordOf(server, as('observer'), meeting.meetingId);
    expect(JSON.stringify(observerView.body)).not.toContain('TH-2025-0141');
    for (const file of ['bundle', 'pdf?original=TH', 'docx?original=LA'])
      expect((await api(server, as('observer'), 'GET', `/api/meetings/${meeting.meetingId}/export/${file}`)).status, file).toBe(403);
  });

  it('blocks the lock until both heads agree the annex as it stands, and personal data is cleared or dismissed (audited)', async () => {
    await agreeEverything(server, meeting);
    const read = await api<{ cases: CaseEntry[]; digest: string }>(server, as('secretariat', 'TH'), 'GET', casesPath());
    const first = read.body.cases[0]!;
    // A delegate writes a victim's name into a next step: the annex changes, so both agreements lapse.
    const named = await api(server, as('delegate', 'LA'), 'PUT', `${casesPath()}/${first.id}`, {
      ...CASE,
      stage: 'repatriation-agreed',
      nextStep: { ...CASE.nextStep, en: 'Ms Malee Jaidee returns on 30 April' },
    });
    expect(named.status).toBe(200);

    const refused = await api<{ error: { code: string; blockers: { kind: string; id: string; missingParties: string[]; finding?: { kind: string } }[] } }>(
      server,
      as('secretariat', 'TH'),
      'POST',
      `/api/meetings/${meeting.meetingId}/lock`,
    );
    expect(refused.status).toBe(409);
    const kinds = refused.body.error.blockers.map((b) => b.kind).sort();
    expect(kinds).toEqual(['caseAnnex', 'personalData']);
    expect(refused.body.error.blockers.find((b) => b.kind === 'caseAnnex')!.missingParties.sort()).toEqual(['LA', 'TH']);
    const finding = refused.body.error.blockers.find((b) => b.kind === 'personalData')!;
    expect(finding.finding?.kind).toBe('name');

    // Only the secretariat dismisses; a delegate is refused.
    const dismissals = `/api/meetings/${meeting.meetingId}/findings/dismissals`;
    expect((await api(server, as('delegate', 'TH'), 'POST', dismissals, { key: finding.id })).status).toBe(403);
    expect((await api(server, as('secretariat', 'LA'), 'POST', dismissals, { key: 'case:nowhere|name|x' })).status).toBe(404);
    expect((await api(server, as('secretariat', 'LA'), 'POST', dismissals, { key: finding.id })).status).toBe(200);
    const log = await api<{ entries: { action: string; actor: string; detail: Record<string, unknown> }[] }>(
      server,
      as('secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    const dismissal = log.body.entries.find((e) => e.action === 'personal-data.dismissed')!;
    expect(dismissal.actor).toBe(meeting.invitations.find((i) => i.role === 'secretariat' && i.party === 'LA')!.participantId);
    expect(dismissal.detail).toMatchObject({ kind: 'name', place: { target: 'case', id: first.id, field: 'nextStep.en' } });
    expect(JSON.stringify(log.body.entries)).not.toContain('Malee');

    const stale = await api(server, as('head', 'TH'), 'POST', `${casesPath()}/agreement`, { digest: read.body.digest, agreed: true });
    expect(stale.status).toBe(409);
    const now = await api<{ cases: CaseEntry[]; digest: string }>(server, as('head', 'TH'), 'GET', casesPath());
    for (const party of ['TH', 'LA'])
      expect((await api(server, as('head', party), 'POST', `${casesPath()}/agreement`, { digest: now.body.digest, agreed: true })).status).toBe(200);

    const locked = await api(server, as('secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`);
    expect(locked.status).toBe(200);
    const view = await recordOf(server, as('head', 'LA'), meeting.meetingId);
    expect(view.body.record!.caseAnnex).toEqual({ cases: 2, digest: annexDigest(now.body.cases) });

    // Locked: the annex is final, on every path.
    expect((await api(server, as('secretariat', 'TH'), 'POST', casesPath(), CASE)).status).toBe(409);
    expect((await api(server, as('delegate', 'LA'), 'PUT', `${casesPath()}/${first.id}`, CASE)).status).toBe(409);
    // A head never dismisses a finding: told so (403) whatever the state; the secretariat, who could on a draft, is told it is locked (409).
    const byHead = await api<{ error: { code: string } }>(server, as('head', 'TH'), 'POST', dismissals, { key: 'case:any|name|x' });
    expect([byHead.status, byHead.body.error.code]).toEqual([403, 'not_allowed']);
    const bySecretariat = await api<{ error: { code: string } }>(server, as('secretariat', 'TH'), 'POST', dismissals, { key: 'case:any|name|x' });
    expect([bySecretariat.status, bySecretariat.body.error.code]).toEqual([409, 'not_draft']);
    expect((await api<{ cases: CaseEntry[] }>(server, as('head', 'TH'), 'GET', casesPath())).body.cases).toEqual(now.body.cases);
  });
});
