import type { Catalog } from '../en';
import { consoleMy } from './console';
import { casesMy } from './cases';
import { exportMy } from './export';
import { auditMy } from './audit';
import { lifecycleMy } from './lifecycle';
import { verifyMy } from './verify';
import { workspaceMy } from './workspace';
import { negotiationMy } from './negotiation';
import { historyMy } from './history';

export const my: Catalog = { ...workspaceMy, ...lifecycleMy, ...verifyMy, ...consoleMy, ...exportMy, ...negotiationMy, ...casesMy, ...historyMy, ...auditMy };
