// The message that names a case's stage, in the workspace and in the console alike.
import type { CaseStage } from '../../../shared/cases/case';
import type { MessageKey } from '../../i18n/i18n';

export const stageKey = (stage: CaseStage) => `cases.stage.${stage}` as MessageKey;
