import type { Catalog } from '../en';
import { consoleKm } from './console';
import { casesKm } from './cases';
import { exportKm } from './export';
import { auditKm } from './audit';
import { lifecycleKm } from './lifecycle';
import { verifyKm } from './verify';
import { workspaceKm } from './workspace';
import { negotiationKm } from './negotiation';
import { historyKm } from './history';

export const km: Catalog = { ...workspaceKm, ...lifecycleKm, ...verifyKm, ...consoleKm, ...exportKm, ...negotiationKm, ...casesKm, ...historyKm, ...auditKm };
