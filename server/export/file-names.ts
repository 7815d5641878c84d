// Exported files are named after the meeting and the party: CMM04-TH-original.pdf,
// CMM04-LA-original.docx, CMM04-bundle.json.
export type ExportFormat = 'pdf' | 'docx';

const compact = (text: string, fallback: string) => text.replace(/[^A-Za-z0-9]+/g, '') || fallback;

export const originalFileName = (meetingCode: string, party: string, format: ExportFormat) =>
  `${compact(meetingCode, 'record')}-${compact(party, 'party')}-original.${format}`;

export const bundleFileName = (meetingCode: string) => `${compact(meetingCode, 'record')}-bundle.json`;
