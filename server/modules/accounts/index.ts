import type { HttpModule } from '../../infra/http/app.js';
import { accountsRoutes } from './accounts.routes.js';

export { actorFromApiToken, actorOfAccount, createAuthenticator, grantsOf, SESSION_COOKIE } from './authenticator.js';
export { createAccount, type NewAccount } from './commands/create-account.js';
export { createUnit } from './commands/manage-units.js';
export { countAccounts, findAccountByUsername, listAccountIdsWithRole } from './accounts.repository.js';
export { findUnit, findUnitByName } from './units.repository.js';
export { maskPhone } from './accounts.presenter.js';
export { generatePassword, passwordProblems } from './password.js';
export { PERMISSIONS, PERMISSION_NAMES, ROLES, ROLE_SCOPES, permissionsOf, type Permission, type Role, type ScopeType } from './roles.js';

export const accountsModule: HttpModule = { name: 'accounts', routes: accountsRoutes };
export { findAccountById } from './accounts.repository.js';
