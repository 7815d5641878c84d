// The words of the workspace's first screen and its views (my): fetched with the interface.
import { workspaceMy } from './workspace';
import { lifecycleMy } from './lifecycle';
import { negotiationMy } from './negotiation';
import { casesMy } from './cases';
import { historyMy } from './history';

export const core = { ...workspaceMy, ...lifecycleMy, ...negotiationMy, ...casesMy, ...historyMy };
