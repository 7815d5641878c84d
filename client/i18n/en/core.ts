// The words of the workspace's first screen and its views (en): fetched with the interface.
import { workspaceEn } from './workspace';
import { lifecycleEn } from './lifecycle';
import { negotiationEn } from './negotiation';
import { casesEn } from './cases';
import { historyEn } from './history';

export const core = { ...workspaceEn, ...lifecycleEn, ...negotiationEn, ...casesEn, ...historyEn };
