// The words of the console, the verify page, the export panel and the audit log (my):
// fetched when one of them is first opened.
import { verifyMy } from './verify';
import { consoleMy } from './console';
import { exportMy } from './export';
import { auditMy } from './audit';

export const extra = { ...verifyMy, ...consoleMy, ...exportMy, ...auditMy };
