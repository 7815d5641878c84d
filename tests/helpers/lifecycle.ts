// Steps of the record's lifecycle as a participant's browser takes them over HTTP: mark
// agreement, enrol a key made by WebCrypto, sign. Used by the lock and signing tests.
import { agreementTargets } from '../../shared/record/agreement';
import { exportPublicKey, newSigningKey, signStatement } from '../../shared/signing/keys';
import { STATEMENT_FORMAT, type SignatureStatement } from '../../shared/signing/statement';
import type { CanonicalRecord } from '../../shared/record/canonical';
import { tokenOf, type CreatedMeetingResponse, type TestServer } from './server';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export async function api<T = Record<string, unknown>>(
  server: { url: string },
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Every head marks every segment and action point agreed for their party, through the API. */
export async function agreeEverything(server: TestServer, meeting: CreatedMeetingResponse): Promise<void> {
  const meetingRow = await server.services.storage.getMeeting(meeting.meetingId);
  const record = await server.services.storage.getRecord(meetingRow!.currentDocumentId);
  const targets = await server.services.rooms.read(record!, (doc) => agreementTargets(doc).map((t) => t.id));
  const heads = meeting.invitations.filter((i) => i.role === 'head');
  for (const head of heads) {
    for (const targetId of targets) {
      const res = await api(server, head.token, 'POST', `/api/meetings/${meeting.meetingId}/agreement`, { targetId, agreed: true });
      if (res.status !== 200) throw new Error(`agreement refused: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}

export interface RecordView {
  version: number;
  state: string;
  recordHash: string | null;
  record: CanonicalRecord | null;
  serverTime: string;
  signatures: { party: string; voided: boolean; signerName: string }[];
  keys: { party: string; fingerprint: string }[];
}

export const recordOf = (server: TestServer, token: string, meetingId: string, version?: number) =>
  api<RecordView>(server, token, 'GET', `/api/meetings/${meetingId}/record${version ? `?version=${version}` : ''}`);

/** A head's key, made as the browser makes it: Ed25519, private half not extractable. */
export async function enrolNewKey(server: TestServer, meeting: CreatedMeetingResponse, party: string) {
  const keys = await newSigningKey();
  const publicKey = await exportPublicKey(keys.publicKey);
  const res = await api(server, tokenOf(meeting, 'head', party), 'POST', `/api/meetings/${meeting.meetingId}/keys`, { publicKey });
  if (res.status !== 201) throw new Error(`enrolment refused: ${res.status} ${JSON.stringify(res.body)}`);
  return { keys, publicKey, fingerprint: res.body.fingerprint as string };
}

/** The statement a head's browser would make for the record as the server shows it. */
export function statementFor(view: RecordView, meeting: CreatedMeetingResponse, party: string): SignatureStatement {
  const head = view.record!.participants.find((p) => p.party === party && p.role === 'head')!;
  return {
    format: STATEMENT_FORMAT,
    recordHash: view.recordHash!,
    meetingId: meeting.meetingId,
    version: view.version,
    party,
    signerName: head.name,
    signerTitle: head.title,
    signedAt: view.serverTime,
  };
}

export async function signAs(server: TestServer, meeting: CreatedMeetingResponse, party: string, privateKey: CryptoKey, statement?: SignatureStatement) {
  const token = tokenOf(meeting, 'head', party);
  const view = (await recordOf(server, token, meeting.meetingId)).body;
  const signed = statement ?? statementFor(view, meeting, party);
  const signature = await signStatement(privateKey, signed);
  return api(server, token, 'POST', `/api/meetings/${meeting.meetingId}/sign`, { statement: signed, signature });
}

/** A meeting taken through agreement, enrolment, lock and both heads' signatures; its bundle file text. */
export async function signedBundleText(server: TestServer, meeting: CreatedMeetingResponse): Promise<string> {
  await agreeEverything(server, meeting);
  const heads = meeting.invitations.filter((i) => i.role === 'head');
  const keys = new Map<string, CryptoKey>();
  for (const head of heads) keys.set(head.party, (await enrolNewKey(server, meeting, head.party)).keys.privateKey);
  const locked = await api(server, tokenOf(meeting, 'secretariat'), 'POST', `/api/meetings/${meeting.meetingId}/lock`);
  if (locked.status !== 200) throw new Error(`lock refused: ${JSON.stringify(locked.body)}`);
  for (const head of heads) {
    const signed = await signAs(server, meeting, head.party, keys.get(head.party)!);
    if (signed.status !== 201) throw new Error(`signature refused: ${JSON.stringify(signed.body)}`);
  }
  const res = await fetch(`${server.url}/api/meetings/${meeting.meetingId}/export/bundle`, {
    headers: { authorization: `Bearer ${tokenOf(meeting, 'secretariat')}` },
  });
  if (res.status !== 200) throw new Error(`bundle refused: ${res.status}`);
  return res.text();
}
