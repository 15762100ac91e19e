import type { Role } from './access.js';

/** Roles as people call them (the database keeps the codes). */
export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'Platform admin', tenant_admin: 'Tenant admin', owner: 'Preparer', approver: 'Approver', cfo: 'CFO', auditor: 'Auditor', viewer: 'Viewer',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;
