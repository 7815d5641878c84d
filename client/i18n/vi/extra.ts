// The words of the console, the verify page, the export panel and the audit log (vi):
// fetched when one of them is first opened.
import { verifyVi } from './verify';
import { consoleVi } from './console';
import { exportVi } from './export';
import { auditVi } from './audit';

export const extra = { ...verifyVi, ...consoleVi, ...exportVi, ...auditVi };
