import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../shared/record/jcs';
import { sha256Hex } from '../../shared/signing/fingerprint';
import { encodeBase64 } from '../../shared/signing/base64';
import { signStatement } from '../../shared/signing/keys';
import { verifyBundle } from '../../shared/signing/verify';
import type { SignedBundle } from '../../shared/signing/bundle';
import { createMeeting, tokenOf, type CreatedMeetingResponse, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';
import { agreeEverything, api, enrolNewKey, recordOf, signAs, statementFor } from '../helpers/lifecycle';

describe('signing the locked record', () => {
  let server: TestServer;
  serverForAll((s) => (server = s));

  const post = (meeting: CreatedMeetingResponse, role: string, party: string | undefined, step: string, body?: unknown) =>
    api(server, tokenOf(meeting, role, party), 'POST', `/api/meetings/${meeting.meetingId}/${step}`, body);
  const bundleOf = async (meeting: CreatedMeetingResponse, version?: number) =>
    (
      await api<SignedBundle>(
        server,
        tokenOf(meeting, 'secretariat', 'TH'),
        'GET',
        `/api/meetings/${meeting.meetingId}/export/bundle${version ? `?version=${version}` : ''}`,
      )
    ).body;
  const codes = async (bundle: unknown) => (await verifyBundle(bundle)).reasons.map((r) => r.code);
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const utf8Base64 = (text: string) => encodeBase64(new TextEncoder().encode(text));

  /** A meeting both heads have agreed, each with an enrolled key, locked by the secretariat. */
  async function lockedMeeting() {
    const meeting = await createMeeting(server);
    await agreeEverything(server, meeting);
    const TH = await enrolNewKey(server, meeting, 'TH');
    const LA = await enrolNewKey(server, meeting, 'LA');
    const locked = await post(meeting, 'secretariat', 'TH', 'lock');
    if (locked.status !== 200) throw new Error(`lock refused: ${JSON.stringify(locked.body)}`);
    return { meeting, TH, LA };
  }

  async function signedMeeting() {
    const m = await lockedMeeting();
    expect((await signAs(server, m.meeting, 'TH', m.TH.keys.privateKey)).status).toBe(201);
    expect((await signAs(server, m.meeting, 'LA', m.LA.keys.privateKey)).status).toBe(201);
    return m;
  }

  it('each head signs with a browser-made key; the record becomes signed and its bundle verifies', async () => {
    const { meeting, TH, LA } = await lockedMeeting();
    expect(TH.keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', TH.keys.privateKey)).rejects.toThrow();

    const first = await signAs(server, meeting, 'TH', TH.keys.privateKey);
    expect(first).toMatchObject({ status: 201, body: { state: 'locked', party: 'TH', complete: false } });
    const second = await signAs(server, meeting, 'LA', LA.keys.privateKey);
    expect(second).toMatchObject({ status: 201, body: { state: 'signed', party: 'LA', complete: true } });

    const view = (await recordOf(server, tokenOf(meeting, 'observer'), meeting.meetingId)).body;
    expect(view.state).toBe('signed');
    expect(view.signatures.map((s) => [s.party, s.voided])).toEqual([
      ['TH', false],
      ['LA', false],
    ]);
    expect(view.keys.map((k) => [k.party, k.fingerprint])).toEqual([
      ['LA', LA.fingerprint],
      ['TH', TH.fingerprint],
    ]);

    const bundle = await bundleOf(meeting);
    const verdict = await verifyBundle(bundle);
    expect(verdict.reasons).toEqual([]);
    expect(verdict).toMatchObject({ valid: true, version: 1, recordHash: view.recordHash });
    expect(verdict.parties.map((p) => [p.party, p.signed, p.keyFingerprint])).toEqual([
      ['TH', true, TH.fingerprint],
      ['LA', true, LA.fingerprint],
    ]);
    const checked = await api(server, null, 'POST', '/api/verify', bundle);
    expect(checked).toMatchObject({ status: 200, body: { valid: true, recordHash: view.recordHash } });
    // Signed is final: nothing more to sign, nothing to unlock.
    expect((await signAs(server, meeting, 'TH', TH.keys.privateKey)).status).toBe(409);
    expect((await post(meeting, 'secretariat', 'LA', 'unlock')).status).toBe(409);
  });

  it('the server refuses a signature that is not the head’s own, for their own party, on the current record', async () => {
    const { meeting, TH, LA } = await lockedMeeting();
    const view = (await recordOf(server, tokenOf(meeting, 'head', 'TH'), meeting.meetingId)).body;
    const statement = statementFor(view, meeting, 'TH');

    const byLaosKey = await signAs(server, meeting, 'TH', LA.keys.privateKey, statement);
    expect(byLaosKey).toMatchObject({ status: 422, body: { error: { code: 'bad_signature' } } });
    const forLaos = await signAs(server, meeting, 'TH', TH.keys.privateKey, statementFor(view, meeting, 'LA'));
    expect(forLaos).toMatchObject({ status: 403, body: { error: { code: 'not_your_party' } } });
    const otherHash = await signAs(server, meeting, 'TH', TH.keys.privateKey, { ...statement, recordHash: '0'.repeat(64) });
    expect(otherHash).toMatchObject({ status: 409, body: { error: { code: 'stale_statement' } } });
    const otherTitle = await signAs(server, meeting, 'TH', TH.keys.privateKey, { ...statement, signerTitle: 'Minister' });
    expect(otherTitle).toMatchObject({ status: 422, body: { error: { code: 'signer_mismatch' } } });
    const signature = await signStatement(TH.keys.privateKey, statement);
    const later = new Date(Date.parse(statement.signedAt) + 1000).toISOString();
    const tampered = await post(meeting, 'head', 'TH', 'sign', { statement: { ...statement, signedAt: later }, signature });
    expect(tampered).toMatchObject({ status: 422, body: { error: { code: 'bad_signature' } } });
    expect((await post(meeting, 'delegate', 'TH', 'sign', { statement, signature })).status).toBe(403);
    expect((await post(meeting, 'head', 'TH', 'sign', { statement, signature: 'not-a-signature' })).status).toBe(400);

    const still = (await recordOf(server, tokenOf(meeting, 'head', 'TH'), meeting.meetingId)).body;
    expect(still.signatures).toEqual([]);
    const log = await api<{ entries: { action: string; detail: { reason?: string } }[] }>(
      server,
      tokenOf(meeting, 'secretariat', 'LA'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(log.body.entries.filter((e) => e.action === 'record.sign.refused').map((e) => e.detail.reason)).toEqual([
      'bad-signature',
      'not-your-party',
      'stale-statement',
      'signer-mismatch',
      'bad-signature',
      'not-permitted',
      'invalid-body',
    ]);
  });

  it('a bundle with a tampered record, a tampered statement or the wrong party’s key does not verify', async () => {
    const { meeting, LA } = await signedMeeting();
    const bundle = await bundleOf(meeting);

    const recordEdited = copy(bundle);
    recordEdited.record.agenda[0]!.title.en += '.';
    expect(await codes(recordEdited)).toEqual(expect.arrayContaining(['record-bytes-mismatch', 'record-hash-mismatch']));
    const rebuilt = copy(recordEdited);
    rebuilt.recordBytes = utf8Base64(canonicalize(rebuilt.record));
    rebuilt.recordHash = sha256Hex(new TextEncoder().encode(canonicalize(rebuilt.record)));
    expect(await codes(rebuilt)).toEqual(['statement-mismatch', 'statement-mismatch', 'missing-party', 'missing-party']);

    const statementEdited = copy(bundle);
    statementEdited.signatures[0]!.statement.signedAt = '2020-01-01T00:00:00.000Z';
    statementEdited.signatures[0]!.statementBytes = utf8Base64(canonicalize(statementEdited.signatures[0]!.statement));
    expect(await codes(statementEdited)).toEqual(['bad-signature', 'missing-party']);
    const bytesOnly = copy(bundle);
    bytesOnly.signatures[1]!.statement.signerTitle = 'Minister';
    expect(await codes(bytesOnly)).toEqual(expect.arrayContaining(['statement-bytes-mismatch', 'signer-not-head']));

    const wrongKey = copy(bundle);
    const thai = wrongKey.signatures.find((s) => s.party === 'TH')!;
    const forged = await signStatement(LA.keys.privateKey, thai.statement);
    thai.signature = encodeBase64(Uint8Array.from(Buffer.from(forged, 'base64url')));
    const verdict = await verifyBundle(wrongKey);
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons).toEqual([
      { code: 'wrong-party-key', party: 'TH', keyOf: 'LA' },
      { code: 'missing-party', party: 'TH' },
    ]);
    expect((await api(server, null, 'POST', '/api/verify', wrongKey)).body).toMatchObject({ valid: false });
  });

  it('unlock voids the signatures given, visibly and in the audit log; they do not count after a new lock', async () => {
    const { meeting, TH } = await lockedMeeting();
    expect((await signAs(server, meeting, 'TH', TH.keys.privateKey)).status).toBe(201);
    expect((await post(meeting, 'head', 'TH', 'unlock')).status).toBe(403);
    const unlocked = await post(meeting, 'secretariat', 'LA', 'unlock', { reason: 'a correction to item 3' });
    expect(unlocked).toMatchObject({ status: 200, body: { state: 'draft', recordHash: null, voidedSignatures: ['TH'] } });

    const draft = (await recordOf(server, tokenOf(meeting, 'delegate', 'LA'), meeting.meetingId)).body;
    expect(draft.state).toBe('draft');
    expect(draft.signatures).toMatchObject([{ party: 'TH', voided: true }]);
    const log = await api<{ intact: boolean; entries: { action: string; detail: Record<string, unknown> }[] }>(
      server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(log.body.intact).toBe(true);
    expect(log.body.entries.find((e) => e.action === 'signature.voided')?.detail).toMatchObject({ party: 'TH' });
    expect(log.body.entries.find((e) => e.action === 'record.unlocked')?.detail).toMatchObject({ reason: 'a correction to item 3' });

    // Locked again with the same text: the same hash, but the voided signature is gone.
    expect((await post(meeting, 'secretariat', 'TH', 'lock')).status).toBe(200);
    const relocked = (await recordOf(server, tokenOf(meeting, 'head', 'TH'), meeting.meetingId)).body;
    expect(relocked).toMatchObject({ state: 'locked', partiesToSign: ['TH', 'LA'] });
    expect((await bundleOf(meeting)).signatures).toEqual([]);
    expect((await signAs(server, meeting, 'TH', TH.keys.privateKey)).status).toBe(201);
  });

  it('amendment makes version 2 naming version 1’s hash; v1 stays verifiable; a v1 signature is refused on v2', async () => {
    const { meeting, TH, LA } = await signedMeeting();
    const v1 = (await recordOf(server, tokenOf(meeting, 'head', 'TH'), meeting.meetingId)).body;
    const v1Bundle = await bundleOf(meeting);
    expect((await post(meeting, 'head', 'TH', 'amend')).status).toBe(403);
    const amended = await post(meeting, 'secretariat', 'TH', 'amend', { reason: 'the due date of action point 1' });
    expect(amended).toMatchObject({ status: 201, body: { version: 2, state: 'draft', previousRecordHash: v1.recordHash } });
    expect((await post(meeting, 'secretariat', 'TH', 'amend')).status).toBe(409);

    const versions = await api<{ versions: { version: number; state: string; current: boolean }[] }>(
      server,
      tokenOf(meeting, 'observer'),
      'GET',
      `/api/meetings/${meeting.meetingId}/versions`,
    );
    expect(versions.body.versions.map((v) => [v.version, v.state, v.current])).toEqual([
      [1, 'signed', false],
      [2, 'draft', true],
    ]);
    const facts = await api(server, tokenOf(meeting, 'delegate', 'TH'), 'GET', `/api/meetings/${meeting.meetingId}`);
    expect(facts.body).toMatchObject({ version: 2, state: 'draft', documentId: amended.body.documentId });

    // Agreement starts over; once given again, v2 locks, with v1's hash named inside it.
    expect((await post(meeting, 'secretariat', 'TH', 'lock')).status).toBe(409);
    await agreeEverything(server, meeting);
    expect((await post(meeting, 'secretariat', 'TH', 'lock')).status).toBe(200);
    const v2 = (await recordOf(server, tokenOf(meeting, 'head', 'LA'), meeting.meetingId)).body;
    expect(v2.record).toMatchObject({ version: 2, previousRecordHash: v1.recordHash });
    expect(v2.record!.agenda).toEqual(v1.record!.agenda);

    const v1Thai = v1Bundle.signatures.find((s) => s.party === 'TH')!;
    const replayed = await post(meeting, 'head', 'TH', 'sign', {
      statement: v1Thai.statement,
      signature: Buffer.from(v1Thai.signature, 'base64').toString('base64url'),
    });
    expect(replayed).toMatchObject({ status: 409, body: { error: { code: 'stale_statement' } } });

    expect((await signAs(server, meeting, 'TH', TH.keys.privateKey)).status).toBe(201);
    expect((await signAs(server, meeting, 'LA', LA.keys.privateKey)).status).toBe(201);
    const v2Bundle = await bundleOf(meeting);
    expect((await verifyBundle(v2Bundle)).valid).toBe(true);
    const mixed = copy(v2Bundle);
    mixed.signatures[0] = v1Thai;
    expect(await codes(mixed)).toEqual(expect.arrayContaining(['statement-mismatch', 'missing-party']));

    const v1Again = await bundleOf(meeting, 1);
    expect(v1Again).toEqual(v1Bundle);
    expect(await verifyBundle(v1Again)).toMatchObject({ valid: true, version: 1 });
  });

  it('only a head enrols a key, only a real Ed25519 key, and only for their own party', async () => {
    const meeting = await createMeeting(server);
    const { publicKey } = await enrolNewKey(server, meeting, 'TH');
    const again = await post(meeting, 'head', 'TH', 'keys', { publicKey });
    expect(again.status).toBe(200);
    expect((await post(meeting, 'delegate', 'TH', 'keys', { publicKey })).status).toBe(403);
    expect((await post(meeting, 'secretariat', 'TH', 'keys', { publicKey })).status).toBe(403);
    expect((await post(meeting, 'head', 'LA', 'keys', { publicKey: 'AAAA' })).status).toBe(400);
    const anon = await api(server, null, 'POST', `/api/meetings/${meeting.meetingId}/keys`, { publicKey });
    expect(anon.status).toBe(401);
    const view = (await recordOf(server, tokenOf(meeting, 'head', 'LA'), meeting.meetingId)).body;
    expect(view.keys.map((k) => k.party)).toEqual(['TH']);
  });

  it('one key, one party: a key the Thai head enrolled is refused for the Lao head, and stays only Thailand’s', async () => {
    const meeting = await createMeeting(server);
    const { publicKey, fingerprint } = await enrolNewKey(server, meeting, 'TH');
    const twice = await post(meeting, 'head', 'LA', 'keys', { publicKey });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'key_in_use' } } });
    const view = (await recordOf(server, tokenOf(meeting, 'head', 'LA'), meeting.meetingId)).body;
    expect(view.keys.map((k) => [k.party, k.fingerprint])).toEqual([['TH', fingerprint]]);
    const log = await api<{ entries: { action: string; detail: Record<string, unknown> }[] }>(
      server,
      tokenOf(meeting, 'secretariat', 'TH'),
      'GET',
      `/api/meetings/${meeting.meetingId}/audit`,
    );
    expect(log.body.entries.find((e) => e.action === 'key.enrol.refused')?.detail).toMatchObject({ reason: 'key-in-use', party: 'TH' });
    // The Lao head's own key is enrolled as ever.
    expect((await enrolNewKey(server, meeting, 'LA')).fingerprint).not.toBe(fingerprint);
  });
});
