// Exported files are named after the meeting and the party: CMM04-TH-original.pdf,
// CMM04-LA-original.docx; the signed bundle after the meeting, version and state
// (CMM-04-v1-signed.accord.json, record-format.md §5), and inside an original, where
// there is one version, CMM04-bundle.json.
export type ExportFormat = 'pdf' | 'docx';

const compact = (text: string, fallback: string) => text.replace(/[^A-Za-z0-9]+/g, '') || fallback;

export const originalFileName = (meetingCode: string, party: string, format: ExportFormat) =>
  `${compact(meetingCode, 'record')}-${compact(party, 'party')}-original.${format}`;

/** The bundle as attached to an original. */
export const bundleFileName = (meetingCode: string) => `${compact(meetingCode, 'record')}-bundle.json`;

/** The bundle as a file of its own, downloaded or exported: one name, whichever screen asked. */
export function bundleDownloadName(meetingCode: string, record: { version: number; state: string }): string {
  const code = meetingCode.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'record';
  return `${code}-v${record.version}-${record.state}.accord.json`;
}
