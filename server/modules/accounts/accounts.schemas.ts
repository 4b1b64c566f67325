import { z } from 'zod';
import { msg, pageSchema, paging, text } from '../../infra/http/fields.js';
import { PERMISSION_NAMES, ROLES, SCOPE_TYPES } from './roles.js';

export const roleSchema = z.enum(ROLES);
export const scopeTypeSchema = z.enum(SCOPE_TYPES);
export const permissionSchema = z.enum(PERMISSION_NAMES as [string, ...string[]]);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, msg('用户名为 2–32 位字母、数字、点、下划线或连字符', 'must be 2–32 letters, digits, dots, underscores or hyphens'));
export const passwordInput = z.string().min(1).max(128).refine((s) => !s.includes('\u0000'), 'NUL');
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{4,19}$/, msg('电话号码格式不正确', 'not a phone number'));

export const grantInput = z
  .object({ role: roleSchema, scopeType: scopeTypeSchema, scopeId: z.string().trim().regex(/^[\w-]{0,64}$/).default('') })
  .strict();

export const grantSchema = z.object({
  id: z.string(),
  role: roleSchema,
  scopeType: scopeTypeSchema,
  scopeId: z.string(),
  scopeName: z.string().nullable(),
});

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  grants: z.array(grantSchema),
});

export const sessionSchema = z.union([
  z.object({ authenticated: z.literal(false) }),
  z.object({
    authenticated: z.literal(true),
    account: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      phone: z.string().nullable(),
      mustChangePassword: z.boolean(),
    }),
    grants: z.array(grantSchema),
    permissions: z.array(z.string()),
    csrfToken: z.string(),
  }),
]);

export const loginBody = z.object({ username: text(64), password: passwordInput }).strict();
export const changePasswordBody = z.object({ currentPassword: passwordInput, newPassword: passwordInput }).strict();

export const accountsQuery = z.object({
  q: text(50).optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  ...paging,
});
export const accountListSchema = z.object({ items: z.array(accountSchema), page: pageSchema });
export const idParams = z.object({ id: z.string().uuid() });
export const grantParams = z.object({ id: z.string().uuid(), grantId: z.string().uuid() });

export const createAccountBody = z
  .object({
    username: usernameSchema,
    displayName: text(64),
    phone: phoneSchema.nullable().optional(),
    password: passwordInput.optional(),
    grants: z.array(grantInput).max(20).optional(),
  })
  .strict();
export const createdAccountSchema = z.object({ account: accountSchema, initialPassword: z.string().nullable() });

export const patchAccountBody = z
  .object({
    version: z.number().int().min(1),
    displayName: text(64).optional(),
    phone: phoneSchema.nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();

export const unitKindSchema = z.enum(['government', 'non_government']);
export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  territoryCode: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export const unitsQuery = z.object({ q: text(50).optional(), kind: unitKindSchema.optional(), ...paging });
export const unitListSchema = z.object({ items: z.array(unitSchema), page: pageSchema });
export const territoryCodeInput = z.string().regex(/^\d{2,12}$/, msg('区划代码应为 2 至 12 位数字', 'must be 2 to 12 digits'));
export const createUnitBody = z
  .object({
    name: text(100),
    kind: unitKindSchema,
    territoryCode: territoryCodeInput.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    address: text(200).nullable().optional(),
  })
  .strict();
export const patchUnitBody = createUnitBody.partial().extend({ version: z.number().int().min(1), active: z.boolean().optional() }).strict();

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  accountId: z.string(),
  accountUsername: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const tokenListSchema = z.object({ items: z.array(tokenSchema), page: pageSchema });
export const createTokenBody = z
  .object({
    name: text(64),
    accountId: z.string().uuid(),
    scopes: z.array(permissionSchema).min(1).max(20),
    expiresAt: z.string().datetime().nullable().optional(),
  })
  .strict();
export const createdTokenSchema = z.object({ token: tokenSchema, secret: z.string() });
