// The words of the console, the verify page, the export panel and the audit log (en):
// fetched when one of them is first opened.
import { verifyEn } from './verify';
import { consoleEn } from './console';
import { exportEn } from './export';
import { auditEn } from './audit';

export const extra = { ...verifyEn, ...consoleEn, ...exportEn, ...auditEn };
