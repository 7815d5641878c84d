// English: the catalog every other language must match key for key, and argument for argument.
import { consoleEn } from './console';
import { casesEn } from './cases';
import { exportEn } from './export';
import { auditEn } from './audit';
import { lifecycleEn } from './lifecycle';
import { verifyEn } from './verify';
import { workspaceEn } from './workspace';
import { negotiationEn } from './negotiation';
import { historyEn } from './history';

export const en = { ...workspaceEn, ...lifecycleEn, ...verifyEn, ...consoleEn, ...exportEn, ...negotiationEn, ...casesEn, ...historyEn, ...auditEn } as const;

export type MessageKey = keyof typeof en;
/** Every catalog has every key: a missing translation breaks the build, not the screen. */
export type Catalog = { readonly [K in MessageKey]: string };
