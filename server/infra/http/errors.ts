import { hant, prefersTraditional } from '../text/hant.js';
/**
 * The closed catalogue of error codes. Every error a client sees carries one of these codes
 * in an application/problem+json body; docs/errors.md is generated from this table and a
 * test keeps the two in step.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; see the list of errors' },
  MALFORMED_REQUEST: { status: 400, zh: '请求格式无法识别', en: 'The request body could not be read' },
  WEAK_PASSWORD: { status: 400, zh: '密码不符合安全要求', en: 'The password does not meet the password rules' },
  OTP_INVALID: { status: 400, zh: '验证码错误、已过期或已使用，请重新获取', en: 'The code is wrong, expired or already used; request a new one' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Sign in first' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  PARTICIPANT_REQUIRED: { status: 401, zh: '请先加入本次线上协商', en: 'Join the online consultation first (missing or unknown participant token)' },
  INVALID_TOKEN: { status: 401, zh: 'API 令牌无效、已过期或已撤销', en: 'The API token is invalid, expired or revoked' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF_REJECTED: { status: 403, zh: '请求缺少有效的安全校验码，请刷新页面后重试', en: 'Missing or wrong CSRF token; reload the page and try again' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Change your initial password first' },
  NOT_FOUND: { status: 404, zh: '找不到该记录', en: 'The record does not exist' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API route' },
  ALREADY_EXISTS: { status: 409, zh: '记录已存在', en: 'The record already exists' },
  ACTION_NOT_ALLOWED: { status: 409, zh: '当前状态下不能执行此操作', en: 'This action is not allowed in the current state' },
  CATEGORY_IN_USE: { status: 409, zh: '该类别已被诉求或下级类别使用，不能删除，可以停用', en: 'Appeals or sub-categories use this category; deactivate it instead of deleting it' },
  CATEGORY_CYCLE: { status: 409, zh: '不能把类别移到它自己或它的下级类别之下', en: 'A category cannot move under itself or one of its sub-categories' },
  CATEGORY_TOO_DEEP: { status: 409, zh: '类别层级过深', en: 'The category tree would become too deep' },
  HALL_EXISTS: { status: 409, zh: '该镇（街道）已有民生议事堂', en: 'This town or street already has a deliberation hall' },
  VERSION_CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'Someone else changed the record; reload and try again' },
  ARTEFACTS_MISSING: { status: 409, zh: '当前步骤所需材料不全，不能进入下一步', en: 'The current step lacks required documents; add them before moving on' },
  ONLINE_CLOSED: { status: 409, zh: '本次线上协商已结束，不能再表态或提交观点', en: 'This online consultation is closed; no more votes or statements' },
  STATEMENT_NOT_OPEN: { status: 409, zh: '该观点尚未通过审核或已被移除，不能表态', en: 'This statement is awaiting moderation or was rejected; it cannot be voted on' },
  ALREADY_PROMOTED: { status: 409, zh: '该观点已转为建议', en: 'This statement has already been turned into a suggestion' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_AN_IMAGE: { status: 415, zh: '只能上传 JPEG、PNG 或 WebP 格式的照片，该文件不是可识别的图片', en: 'Only JPEG, PNG or WebP photos can be uploaded; this file is not a readable image' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已临时锁定', en: 'Too many failed sign-ins; the account is temporarily locked' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后重试', en: 'Internal error; try again later' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂时不可用，请稍后重试', en: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type Lang = 'zh-CN' | 'en';

/** A text in both interface languages. */
export interface Localized {
  zh: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: string;
}

/** The one error type the application throws on purpose. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: Localized,
    readonly extras: { errors?: FieldError[]; retryAfterSeconds?: number; missing?: string[] } = {},
  ) {
    super(detail?.en ?? ERROR_CATALOGUE[code].en);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

/** Picks the response language from Accept-Language; Chinese unless English is preferred. */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function localize(text: Localized, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

/** Body of an application/problem+json response (RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
  /** ARTEFACTS_MISSING: the kinds of the documents the step still lacks. */
  missing?: string[];
}

export function problemOf(err: AppError, lang: Lang, requestId: string, instance: string): Problem {
  const entry = ERROR_CATALOGUE[err.code];
  return {
    type: `urn:minhu:error:${err.code.toLowerCase()}`,
    title: lang === 'en' ? entry.en : entry.zh,
    status: entry.status,
    ...(err.detail ? { detail: localize(err.detail, lang) } : {}),
    instance,
    code: err.code,
    requestId,
    ...(err.extras.missing ? { missing: err.extras.missing } : {}),
    ...(err.extras.errors ? { errors: err.extras.errors.map((e) => ({ field: e.field, message: localizeMessage(e.message, lang) })) } : {}),
  };
}

/** A field message written as "中文|English" (fields.ts `msg`) in the request's language; others as they are. */
function localizeMessage(message: string, lang: Lang): string {
  const bar = message.indexOf('|');
  if (bar < 0) return message;
  return lang === 'en' ? message.slice(bar + 1) : message.slice(0, bar);
}

/**
 * The problem in Traditional Chinese when the request prefers it (zh-TW, zh-HK, zh-MO, zh-Hant):
 * the Simplified title, detail and field messages converted with OpenCC (cached).
 */
export function localizeProblem(problem: Problem, acceptLanguage: string | undefined): Problem {
  if (!prefersTraditional(acceptLanguage)) return problem;
  return {
    ...problem,
    title: hant(problem.title),
    ...(problem.detail !== undefined ? { detail: hant(problem.detail) } : {}),
    ...(problem.errors ? { errors: problem.errors.map((e) => ({ field: e.field, message: hant(e.message) })) } : {}),
  };
}

/** Renders the catalogue as the Markdown of docs/errors.md. */
export function renderErrorsMarkdown(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(
    ([code, e]) => `| \`${code}\` | ${e.status} | ${e.zh} | ${e.en} |`,
  );
  return [
    '# Error codes',
    '',
    'Every error response is `application/problem+json` (RFC 9457) with these members:',
    '`type` (`urn:minhu:error:<code>`), `title` (in the request language), `status`, `detail`,',
    '`instance` (the request path), `code` (below), `requestId` (also in the `x-request-id` header',
    'and in the server log) and, for `VALIDATION_FAILED`, `errors: [{ field, message }]`.',
    'The title is Chinese unless `Accept-Language` prefers English; Traditional Chinese when it',
    'prefers `zh-TW`, `zh-HK`, `zh-MO` or `zh-Hant` (converted from the Simplified text with OpenCC).',
    '',
    'This file is generated from `server/infra/http/errors.ts` (`npm run minhu -- docs errors`);',
    'a test fails when the two differ.',
    '',
    '| Code | HTTP | 中文 | English |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
