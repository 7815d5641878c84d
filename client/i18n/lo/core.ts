// The words of the workspace's first screen and its views (lo): fetched with the interface.
import { workspaceLo } from './workspace';
import { lifecycleLo } from './lifecycle';
import { negotiationLo } from './negotiation';
import { casesLo } from './cases';
import { historyLo } from './history';

export const core = { ...workspaceLo, ...lifecycleLo, ...negotiationLo, ...casesLo, ...historyLo };
