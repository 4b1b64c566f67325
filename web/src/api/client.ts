import i18n from '../i18n/index.js';

/** One field-level complaint in a problem+json body. */
export interface FieldError {
  field: string;
  message: string;
}

/** An application/problem+json body (RFC 9457) as the Minhu server sends it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

/** A failed API call; `problem` is the server's body or one made up for network failures. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** The text to show a person for a failed call: the server's detail, else its title. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  return i18n.t('errors.unexpected');
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
const passwordChangeListeners = new Set<Listener>();
let csrfToken: string | null = null;

/** The session's CSRF token, sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401 UNAUTHENTICATED). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Called when the server refuses a call until the initial password is changed. */
export function onPasswordChangeRequired(listener: Listener): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers, e.g. an online consultation's participant token. */
  headers?: Record<string, string>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.title === 'string') {
        return { ...body, title: body.title, status: body.status ?? response.status, code: body.code ?? 'UNKNOWN' };
      }
    } catch {
      // fall through to the generic problem below
    }
  }
  return { title: i18n.t('errors.http', { status: response.status }), status: response.status, code: 'UNKNOWN' };
}

/**
 * Calls the Minhu API. Sends the interface language (the server localises its errors from it)
 * and, for writes, the CSRF token; throws ApiError with the problem+json body on failure.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language || 'zh-CN',
    ...options.headers,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ title: i18n.t('errors.network'), status: 0, code: 'NETWORK' });
  }

  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((l) => l());
    if (problem.code === 'PASSWORD_CHANGE_REQUIRED') passwordChangeListeners.forEach((l) => l());
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/**
 * Sends a file as the raw body of a POST, reporting upload progress (0–1) as it goes: fetch()
 * cannot, and residents on slow phones need to see that a photo is moving.
 */
export function uploadFile<T>(path: string, file: Blob, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf(path));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language || 'zh-CN');
    // The server reads the content, not the declared type.
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const type = xhr.getResponseHeader('content-type') ?? '';
      let body: unknown;
      try {
        body = type.includes('json') && xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      const p = body as Partial<Problem> | undefined;
      reject(
        new ApiError(
          p && typeof p.title === 'string'
            ? { ...p, title: p.title, status: p.status ?? xhr.status, code: p.code ?? 'UNKNOWN' }
            : { title: i18n.t('errors.http', { status: xhr.status }), status: xhr.status, code: 'UNKNOWN' },
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError({ title: i18n.t('errors.network'), status: 0, code: 'NETWORK' }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
