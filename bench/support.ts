// Process helpers shared by the benchmarks: servers pinned to core 0, waiting, stopping.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** Starts Node with these arguments on core 0 (taskset, when the machine has it). */
export function pinned(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const hasTaskset = fs.existsSync('/usr/bin/taskset');
  const [cmd, ...rest] = hasTaskset ? ['taskset', '-c', '0', process.execPath, ...args] : [process.execPath, ...args];
  return spawn(cmd as string, rest, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Waits until the URL answers 2xx (at most `tries` × 200 ms). */
export async function waitFor(url: string, tries = 300) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export const stop = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null ? r() : (c.once('exit', () => r()), c.kill('SIGTERM'))));
