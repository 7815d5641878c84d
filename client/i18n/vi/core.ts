// The words of the workspace's first screen and its views (vi): fetched with the interface.
import { workspaceVi } from './workspace';
import { lifecycleVi } from './lifecycle';
import { negotiationVi } from './negotiation';
import { casesVi } from './cases';
import { historyVi } from './history';

export const core = { ...workspaceVi, ...lifecycleVi, ...negotiationVi, ...casesVi, ...historyVi };
