import { useSyncExternalStore } from 'react';

/**
 * Elder mode (适老化): larger text and targets, stronger contrast, simpler resident pages.
 * Remembered per device; main.tsx applies it before the first paint so the page never jumps.
 */
const STORAGE_KEY = 'minhu.elder';
const CLASS = 'mh-elder';

const listeners = new Set<() => void>();

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

let on = stored();

function reflect(): void {
  document.documentElement.classList.toggle(CLASS, on);
}

/** Puts the remembered choice on <html> before React renders. */
export function applyElderMode(): void {
  on = stored();
  reflect();
}

export function isElderMode(): boolean {
  return on;
}

/** Turns elder mode on or off and remembers it on this device. */
export function setElderMode(value: boolean): void {
  on = value;
  try {
    if (value) localStorage.setItem(STORAGE_KEY, '1');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // not remembered, still switched
  }
  reflect();
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether elder mode is on; re-renders when it changes. */
export function useElderMode(): boolean {
  return useSyncExternalStore(subscribe, isElderMode, isElderMode);
}
