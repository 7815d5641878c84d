// The words of the console, the verify page, the export panel and the audit log (th):
// fetched when one of them is first opened.
import { verifyTh } from './verify';
import { consoleTh } from './console';
import { exportTh } from './export';
import { auditTh } from './audit';

export const extra = { ...verifyTh, ...consoleTh, ...exportTh, ...auditTh };
