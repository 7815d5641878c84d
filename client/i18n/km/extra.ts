// The words of the console, the verify page, the export panel and the audit log (km):
// fetched when one of them is first opened.
import { verifyKm } from './verify';
import { consoleKm } from './console';
import { exportKm } from './export';
import { auditKm } from './audit';

export const extra = { ...verifyKm, ...consoleKm, ...exportKm, ...auditKm };
