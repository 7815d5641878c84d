import type { Catalog } from '../en';
import { consoleVi } from './console';
import { casesVi } from './cases';
import { exportVi } from './export';
import { auditVi } from './audit';
import { lifecycleVi } from './lifecycle';
import { verifyVi } from './verify';
import { workspaceVi } from './workspace';
import { negotiationVi } from './negotiation';
import { historyVi } from './history';

export const vi: Catalog = { ...workspaceVi, ...lifecycleVi, ...verifyVi, ...consoleVi, ...exportVi, ...negotiationVi, ...casesVi, ...historyVi, ...auditVi };
