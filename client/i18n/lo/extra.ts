// The words of the console, the verify page, the export panel and the audit log (lo):
// fetched when one of them is first opened.
import { verifyLo } from './verify';
import { consoleLo } from './console';
import { exportLo } from './export';
import { auditLo } from './audit';

export const extra = { ...verifyLo, ...consoleLo, ...exportLo, ...auditLo };
