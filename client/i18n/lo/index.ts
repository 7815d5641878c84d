import type { Catalog } from '../en';
import { consoleLo } from './console';
import { casesLo } from './cases';
import { exportLo } from './export';
import { auditLo } from './audit';
import { lifecycleLo } from './lifecycle';
import { verifyLo } from './verify';
import { workspaceLo } from './workspace';
import { negotiationLo } from './negotiation';
import { historyLo } from './history';

export const lo: Catalog = { ...workspaceLo, ...lifecycleLo, ...verifyLo, ...consoleLo, ...exportLo, ...negotiationLo, ...casesLo, ...historyLo, ...auditLo };
