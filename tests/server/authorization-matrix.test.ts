// Every role × every action × every state, over HTTP and the sync socket, against the
// answer the design gives: shared/roles.ts `can`, and for people outside the meeting,
// no socket and nothing served. Refusals of participants are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, startTestServer, tokenOf, ADMIN_TOKEN, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { rawSocket, stockClient, synced, waitFor } from '../helpers/clients';
import { agreeEverything, api, enrolNewKey, recordOf, signAs } from '../helpers/lifecycle';
import { STATEMENT_FORMAT, type SignatureStatement } from '../../shared/signing/statement';
import { signStatement } from '../../shared/signing/keys';
import { agreementTargets } from '../../shared/record/agreement';
import { can, type Action, type RecordState, type Role } from '../../shared/roles';

type Who = Role | 'stranger' | 'other-meeting';
const WHO: Who[] = ['secretariat', 'head', 'delegate', 'observer', 'stranger', 'other-meeting'];
const STATES: RecordState[] = ['draft', 'locked', 'signed'];

interface Setup {
  meeting: CreatedMeetingResponse;
  keys: Map<string, CryptoKey>;
}

describe('the authorization matrix', () => {
  let server: TestServer;
  let elsewhere: CreatedMeetingResponse;
  beforeAll(async () => {
    server = await startTestServer();
    elsewhere = await createMeeting(server);
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  async function meetingIn(state: RecordState): Promise<Setup> {
    // Agreed and with both keys enrolled, so that nothing but the role and the state decides.
    const meeting = await createMeeting(server);
    const keys = new Map<string, CryptoKey>();
    await agreeEverything(server, meeting);
    for (const party of ['TH', 'LA']) keys.set(party, (await enrolNewKey(server, meeting, party)).keys.privateKey);
    if (state === 'draft') return { meeting, keys };
    expect((await api(server, tokenOf(meeting, 'secretariat', 'TH'), 'POST', `/api/meetings/${meeting.meetingId}/lock`)).status).toBe(200);
    if (state === 'signed') for (const party of ['TH', 'LA']) expect((await signAs(server, meeting, party, keys.get(party)!)).status).toBe(201);
    return { meeting, keys };
  }

  const tokenFor = (who: Who, meeting: CreatedMeetingResponse): string | null => {
    if (who === 'stranger') return null;
    if (who === 'other-meeting') return tokenOf(elsewhere, 'head', 'TH');
    return tokenOf(meeting, who, who === 'observer' ? undefined : 'TH');
  };

  const auditLength = async (meeting: CreatedMeetingResponse) =>
    ((await api<{ entries: unknown[] }>(server, ADMIN_TOKEN, 'GET', `/api/meetings/${meeting.meetingId}/audit`)).body.entries ?? []).length;

  /** Each HTTP action: how to try it, and what success answers. */
  const httpActions: { action: Action; label: string; ok: number; attempt: (s: Setup, token: string | null) => Promise<number> }[] = [
    {
      action: 'read',
      label: 'read the meeting',
      ok: 200,
      attempt: async (s, t) => (await api(server, t, 'GET', `/api/meetings/${s.meeting.meetingId}`)).status,
    },
    {
      action: 'markAgreement',
      label: 'mark agreement for a party',
      ok: 200,
      attempt: async (s, t) => {
        const record = (await server.services.storage.getRecord(s.meeting.documentId))!;
        const targetId = await server.services.rooms.read(record, (doc) => agreementTargets(doc)[0]!.id);
        return (await api(server, t, 'POST', `/api/meetings/${s.meeting.meetingId}/agreement`, { targetId, agreed: false })).status;
      },
    },
    { action: 'lock', label: 'lock', ok: 200, attempt: async (s, t) => (await api(server, t, 'POST', `/api/meetings/${s.meeting.meetingId}/lock`)).status },
    {
      action: 'unlock',
      label: 'unlock',
      ok: 200,
      attempt: async (s, t) => (await api(server, t, 'POST', `/api/meetings/${s.meeting.meetingId}/unlock`, {})).status,
    },
    {
      action: 'sign',
      label: 'sign for a party',
      ok: 201,
      attempt: async (s, t) => {
        // A well-formed statement for TH, signed with TH's enrolled key, sent with this credential.
        const head = tokenOf(s.meeting, 'head', 'TH');
        const view = (await recordOf(server, head, s.meeting.meetingId)).body;
        const { participants } = (
          await api<{ participants: { party: string; role: string; name: string; title: string }[] }>(
            server,
            head,
            'GET',
            `/api/meetings/${s.meeting.meetingId}`,
          )
        ).body;
        const signer = participants.find((p) => p.party === 'TH' && p.role === 'head')!;
        const statement = {
          format: STATEMENT_FORMAT as typeof STATEMENT_FORMAT,
          recordHash: view.recordHash ?? '0'.repeat(64),
          meetingId: s.meeting.meetingId,
          version: view.version,
          party: 'TH',
          signerName: signer.name,
          signerTitle: signer.title,
          signedAt: view.serverTime,
        } satisfies SignatureStatement;
        const signature = await signStatement(s.keys.get('TH')!, statement);
        return (await api(server, t, 'POST', `/api/meetings/${s.meeting.meetingId}/sign`, { statement, signature })).status;
      },
    },
    {
      action: 'export',
      label: 'export an original',
      ok: 200,
      attempt: async (s, t) => {
        const res = await fetch(
          `${server.url}/api/meetings/${s.meeting.meetingId}/export/docx?original=TH`,
          t ? { headers: { authorization: `Bearer ${t}` } } : {},
        );
        await res.arrayBuffer();
        return res.status;
      },
    },
    {
      action: 'readAudit',
      label: 'read the audit log',
      ok: 200,
      attempt: async (s, t) => (await api(server, t, 'GET', `/api/meetings/${s.meeting.meetingId}/audit`)).status,
    },
    {
      action: 'manageInvitations',
      label: 'manage invitations',
      ok: 200,
      attempt: async (s, t) => (await api(server, t, 'GET', `/api/meetings/${s.meeting.meetingId}/invitations`)).status,
    },
  ];

  for (const state of STATES) {
    for (const { action, label, ok, attempt } of httpActions) {
      it(`${label}, ${state} record: each role gets the designed answer over HTTP`, async () => {
        for (const who of WHO) {
          const setup = await meetingIn(state);
          const before = await auditLength(setup.meeting);
          const status = await attempt(setup, tokenFor(who, setup.meeting));
          const allowed = who !== 'stranger' && who !== 'other-meeting' && can({ role: who, party: 'TH' }, action, { state }, { party: 'TH' });
          if (allowed) expect(status, `${who} may ${label} (${state})`).toBe(ok);
          else if (who === 'stranger') expect(status, `stranger, ${label}`).toBe(401);
          else if (who === 'other-meeting') expect(status, `other meeting, ${label}`).toBe(404);
          else {
            expect([403, 409], `${who} may not ${label} (${state}): ${status}`).toContain(status);
            expect(await auditLength(setup.meeting), `${who}'s refused ${label} is audited`).toBeGreaterThan(before);
          }
        }
      });
    }

    it(`read and write over the sync socket, ${state} record: each role gets the designed answer`, async () => {
      const setup = await meetingIn(state);
      for (const who of WHO) {
        const token = tokenFor(who, setup.meeting);
        const url = `${server.wsUrl}/${setup.meeting.documentId}${token ? `?token=${token}` : ''}`;
        if (who === 'stranger' || who === 'other-meeting') {
          await expect(rawSocket(url)).rejects.toThrow(who === 'stranger' ? 'refused with 401' : 'refused with 403');
          continue;
        }
        const client = stockClient(server.wsUrl, setup.meeting.documentId, token!);
        await synced(client);
        expect(client.doc.getArray('agenda').length, `${who} reads (${state})`).toBe(8);
        const mark = `${who}-${state}`;
        client.doc.getText('probe').insert(0, mark);
        const mayWrite = can({ role: who, party: 'TH' }, 'write', { state });
        const witness = stockClient(server.wsUrl, setup.meeting.documentId, tokenOf(setup.meeting, 'observer'));
        await synced(witness);
        if (mayWrite) {
          await waitFor(() => witness.doc.getText('probe').toString().includes(mark), 5000, `${who}'s write`);
        } else {
          await waitFor(() => client.refusals.length > 0, 5000, `${who}'s refusal`);
          expect(witness.doc.getText('probe').toString()).not.toContain(mark);
          const { entries } = (
            await api<{ entries: { action: string; actor: string }[] }>(server, ADMIN_TOKEN, 'GET', `/api/meetings/${setup.meeting.meetingId}/audit`)
          ).body;
          expect(entries.some((e) => e.action === 'record.write-refused')).toBe(true);
        }
        client.destroy();
        witness.destroy();
      }
    });
  }
});
