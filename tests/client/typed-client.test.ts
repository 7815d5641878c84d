// The client's calls go through hc<AppType>: each reaches the route it names (path parameters
// encoded, the body as JSON, a file as itself, the cookie's credentials kept), and what comes
// back is the answer, a refusal as the failure the screen explains, or "unreachable".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure, api } from '../../client/connection/api';
import { LifecycleFailure, lifecycleApi } from '../../client/connection/lifecycle-api';
import { historyApi } from '../../client/connection/history-api';
import { type RosterRefused, consoleApi } from '../../client/features/console/console-api';
import { ExportFailure, fetchExport, type Progress } from '../../client/features/export/download';
import { UnreadableFile } from '../../client/features/verify/read-bundle';
import { verifyOriginal } from '../../client/features/verify/verify-original';

interface Sent {
  method: string;
  url: string;
  body: unknown;
  credentials: RequestCredentials | undefined;
  type: string | null;
}

function answering(status: number, body: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ method: init.method!, url, body: init.body, credentials: init.credentials, type: new Headers(init.headers).get('content-type') });
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('the typed client', () => {
  it('sends each call to its route, same-origin, with its body as JSON and its parameters encoded', async () => {
    const sent = answering(200, { targetId: 's1', party: 'TH', agreed: true });
    expect(await api.markAgreement('M 1', 's1', true)).toEqual({ targetId: 's1', party: 'TH', agreed: true });
    await historyApi.compare('M1', 'v/1', 'current');
    await historyApi.remove('M1', 'segment', 'item 2');
    await lifecycleApi.record('M1', 2);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/meetings/M%201/agreement',
      'GET /api/meetings/M1/history/compare?from=v%2F1&to=current',
      'DELETE /api/meetings/M1/record/segment/item%202',
      'GET /api/meetings/M1/record?version=2',
    ]);
    expect(sent[0]).toMatchObject({ body: '{"targetId":"s1","agreed":true}', credentials: 'same-origin', type: 'application/json' });
    expect(lifecycleApi.bundleUrl('M1', 3)).toBe('/api/meetings/M1/export/bundle?version=3');
  });

  it('sends a roster file as itself, with its type', async () => {
    const sent = answering(200, { dryRun: true, format: 'csv', participants: [] });
    const file = new File(['name,party,role\n'], 'roster.csv');
    await consoleApi.importRoster('M1', file, true);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/console/meetings/M1/roster?dryRun=true&name=roster.csv', body: file, type: 'text/csv' });
  });

  it('throws a refusal as the failure its screen explains, and a server out of reach as status 0', async () => {
    answering(409, { error: { code: 'not_agreed', message: 'Not yet', blockers: [{ kind: 'segment', id: 's1' }] } });
    const lock = await lifecycleApi.lock('M1').catch((e: unknown) => e);
    expect(lock).toBeInstanceOf(LifecycleFailure);
    expect((lock as LifecycleFailure).blockers).toEqual([{ kind: 'segment', id: 's1' }]);

    answering(400, { error: { code: 'invalid_roster', message: 'The list was refused', problems: [{ line: 2, code: 'unknown-party' }] } });
    const roster = await consoleApi.importRoster('M1', new File(['x'], 'r.csv'), false).catch((e: unknown) => e);
    expect((roster as RosterRefused).problems).toEqual([{ line: 2, code: 'unknown-party' }]);

    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = await api.session().catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(ApiFailure);
    expect((offline as ApiFailure).unreachable).toBe(true);
  });

  it('answers null for 204', async () => {
    answering(204, null);
    expect(await consoleApi.signOut()).toBeNull();
  });

  it('sends an original to verify as itself, with its type, and answers the verdict; a refusal is a file the server could not check', async () => {
    const verdict = { valid: true, meetingId: 'M1', version: 1, recordHash: 'ab', parties: [], reasons: [], pages: 'identical' };
    const sent = answering(200, verdict);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    expect(await verifyOriginal(bytes, 'pdf')).toEqual(verdict);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/verify', credentials: 'same-origin', type: 'application/pdf' });
    expect([...(sent[0]!.body as Uint8Array)]).toEqual([...bytes]);

    answering(400, { error: { code: 'no_bundle', message: 'This file carries no signed bundle' } });
    const refused = await verifyOriginal(bytes, 'docx').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnreadableFile);
    expect((refused as UnreadableFile).code).toBe('server');
  });

  it('downloads an export as bytes, keeping the name the server gives it and reporting progress; a refusal keeps its code', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const pdf = new Uint8Array([1, 2, 3, 4, 5]);
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(pdf, {
        status: 200,
        headers: { 'content-type': 'application/pdf', 'content-length': '5', 'content-disposition': 'attachment; filename="CMM04-TH-original.pdf"' },
      });
    });
    const progress: Progress[] = [];
    const controller = new AbortController();
    const got = await fetchExport('M 1', 'pdf', 'TH', (p) => progress.push(p), controller.signal);
    expect(got.fileName).toBe('CMM04-TH-original.pdf');
    expect(got.blob.type).toBe('application/pdf');
    expect([...new Uint8Array(await got.blob.arrayBuffer())]).toEqual([...pdf]);
    expect(progress[0]).toEqual({ phase: 'preparing' });
    expect(progress.at(-1)).toEqual({ phase: 'downloading', received: 5, total: 5 });
    await fetchExport('M1', 'bundle', 'TH', () => {}, controller.signal);
    expect(sent.map((s) => `${s.init.method} ${s.url}`)).toEqual(['GET /api/meetings/M%201/export/pdf?original=TH', 'GET /api/meetings/M1/export/bundle']);
    expect(sent[0]!.init).toMatchObject({ credentials: 'same-origin', signal: controller.signal });

    answering(409, { error: { code: 'not_locked', message: 'A draft has no signed bundle' } });
    const refused = await fetchExport('M1', 'bundle', 'TH', () => {}, controller.signal).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExportFailure);
    expect(refused).toMatchObject({ status: 409, code: 'not_locked' });
  });
});
