import type { Catalog } from '../en';
import { consoleTh } from './console';
import { casesTh } from './cases';
import { exportTh } from './export';
import { auditTh } from './audit';
import { lifecycleTh } from './lifecycle';
import { verifyTh } from './verify';
import { workspaceTh } from './workspace';
import { negotiationTh } from './negotiation';
import { historyTh } from './history';

export const th: Catalog = { ...workspaceTh, ...lifecycleTh, ...verifyTh, ...consoleTh, ...exportTh, ...negotiationTh, ...casesTh, ...historyTh, ...auditTh };
