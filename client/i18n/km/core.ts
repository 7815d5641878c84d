// The words of the workspace's first screen and its views (km): fetched with the interface.
import { workspaceKm } from './workspace';
import { lifecycleKm } from './lifecycle';
import { negotiationKm } from './negotiation';
import { casesKm } from './cases';
import { historyKm } from './history';

export const core = { ...workspaceKm, ...lifecycleKm, ...negotiationKm, ...casesKm, ...historyKm };
