import { COLLECTORS } from './collectors';
import { REGION_DISCOVERY_PERMISSIONS } from './scan-accounts';

/**
 * Every IAM action a scan calls in a scanned account: what the audit role (infra/audit-role.yml and
 * infra/terraform/audit-role) grants, no more. A test holds both templates to this list.
 */
export function auditRolePermissions(): string[] {
  return [...new Set([...COLLECTORS.flatMap((collector) => collector.permissions), ...REGION_DISCOVERY_PERMISSIONS])].sort();
}
