// Fetches an export through the typed client and hands it to the browser to save, reporting
// progress: "preparing" while the server typesets, then the share of bytes received. The
// file keeps the name the server gives it (CMM04-TH-original.pdf); the same rule names it
// here if a proxy drops it.
import { params, server } from '../../connection/http';

export type ExportKind = 'pdf' | 'docx' | 'bundle';

export type Progress = { phase: 'preparing' } | { phase: 'downloading'; received: number; total: number | null };

export class ExportFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

const compact = (text: string, fallback: string) => text.replace(/[^A-Za-z0-9]+/g, '') || fallback;

export function exportFileName(meetingCode: string, kind: ExportKind, party: string, version = 1, state = 'signed'): string {
  if (kind === 'bundle') return `${meetingCode.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'record'}-v${version}-${state}.accord.json`;
  return `${compact(meetingCode, 'record')}-${compact(party, 'party')}-original.${kind}`;
}

const exportRoutes = server.api.meetings[':id'].export;

/** The export asked of the server, through the typed client: a party's original (PDF or Word), or the signed bundle. */
function requestExport(meetingId: string, kind: ExportKind, party: string, signal: AbortSignal) {
  const param = params({ id: meetingId });
  const options = { init: { signal } };
  switch (kind) {
    case 'pdf':
      return exportRoutes.pdf.$get({ param, query: { original: party } }, options);
    case 'docx':
      return exportRoutes.docx.$get({ param, query: { original: party } }, options);
    case 'bundle':
      return exportRoutes.bundle.$get({ param, query: {} }, options);
    default:
      return kind satisfies never;
  }
}

export async function fetchExport(
  meetingId: string,
  kind: ExportKind,
  party: string,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<{ blob: Blob; fileName: string | null }> {
  onProgress({ phase: 'preparing' });
  let response: Awaited<ReturnType<typeof requestExport>>;
  try {
    response = await requestExport(meetingId, kind, party, signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new ExportFailure(0, 'unreachable');
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new ExportFailure(response.status, payload?.error?.code ?? 'http_error');
  }
  const total = Number(response.headers.get('content-length')) || null;
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  if (!response.body) return { blob: new Blob([await response.blob()], { type }), fileName };
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress({ phase: 'downloading', received, total });
  }
  return { blob: new Blob(chunks, { type }), fileName };
}

/** Hands the file to the browser's own download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
