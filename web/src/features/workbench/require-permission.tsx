import type { ReactNode } from 'react';
import type { Permission } from '../../api/types.js';
import { ForbiddenPage } from '../../components/status-pages.js';
import { useSession } from '../../session/session.js';

/** Renders the page only for sessions holding `permission`; others get a friendly 403. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}
