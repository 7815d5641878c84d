// The words of the workspace's first screen and its views (th): fetched with the interface.
import { workspaceTh } from './workspace';
import { lifecycleTh } from './lifecycle';
import { negotiationTh } from './negotiation';
import { casesTh } from './cases';
import { historyTh } from './history';

export const core = { ...workspaceTh, ...lifecycleTh, ...negotiationTh, ...casesTh, ...historyTh };
