import { ApiError, request } from '../../api/client.js';
import type { OnlineNext, OpinionMapView, Vote } from '../../api/types.js';

/** A statement's length limit in characters (the server's too). */
export const STATEMENT_MAX = 140;

const DEVICE_KEY = 'minhu.online.device';
const tokenKey = (id: string) => `minhu.online.token.${id}`;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode: the token lives as long as the page
  }
}

/** This browser's random device id (device-mode consultations); made once and kept. */
export function deviceId(): string {
  let id = stored(DEVICE_KEY);
  if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    store(DEVICE_KEY, id);
  }
  return id;
}

export const storedToken = (id: string): string | null => stored(tokenKey(id));
export const forgetToken = (id: string): void => store(tokenKey(id), null);

/** Joins an online consultation (device id or verified phone) and keeps the participant token. */
export async function join(id: string, body: { deviceId: string } | { phone: string; code: string }): Promise<string> {
  const r = await request<{ participantToken: string }>('POST', `/public/online/${id}/participants`, { body });
  store(tokenKey(id), r.participantToken);
  return r.participantToken;
}

/** Calls the participant API with the token; a 401 means the token is gone (forgotten here too). */
async function asParticipant<T>(id: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  try {
    return await request<T>(method, `/public/online/${id}${path}`, { body, headers: { 'x-participant-token': token } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) forgetToken(id);
    throw err;
  }
}

export const nextStatement = (id: string, token: string) => asParticipant<OnlineNext>(id, token, 'GET', '/next');
export const castVote = (id: string, token: string, statementId: string, vote: Vote) => asParticipant<{ statementId: string; vote: Vote }>(id, token, 'POST', '/votes', { statementId, vote });
export const addStatement = (id: string, token: string, text: string) => asParticipant<{ id: string; status: 'pending' | 'accepted' }>(id, token, 'POST', '/statements', { text });

/** The presented map; with a token it also places the viewer. */
export const fetchMap = (id: string, token: string | null, signal?: AbortSignal) =>
  request<OpinionMapView>('GET', `/public/online/${id}/map`, { signal, headers: token ? { 'x-participant-token': token } : undefined });

/**
 * Listens for the map's version over server-sent events: `ready` on every (re)connection (so a
 * map stored while the connection was down is not missed), then `map` for each newer one. The
 * browser reconnects by itself. Returns the stop function.
 */
export function onMapVersion(id: string, listener: (version: number) => void): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(`/api/v1/public/online/${id}/stream`);
  const handle = (e: Event) => {
    try {
      listener((JSON.parse((e as MessageEvent<string>).data) as { version: number }).version);
    } catch {
      // a malformed message is ignored; the next one carries the version again
    }
  };
  source.addEventListener('ready', handle);
  source.addEventListener('map', handle);
  return () => source.close();
}
