// Accounts are not participants of a meeting, so what happens to them (created, signed
// in, refused, disabled) goes into a log of its own: the deployment's, hash-chained like
// every meeting's. Its key cannot be a meeting's: meeting ids are 16 characters.
import type { DeploymentAuditAction } from '../../../shared/audit-actions';
import { audit } from '../../audit';
import type { Services } from '../../services';

export const DEPLOYMENT_LOG = '_deployment';

export const auditDeployment = (services: Services, actor: string, action: DeploymentAuditAction, detail: Record<string, unknown> = {}) =>
  audit(services, DEPLOYMENT_LOG, actor, action, detail);
