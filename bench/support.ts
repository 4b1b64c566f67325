// Process helpers shared by the benchmarks: servers pinned to core 0, waiting, stopping.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';

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

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Runs autocannon over rotating paths; latency percentiles from every response of the measured run. */
export async function loadPaths(base: string, paths: string[], headers: Record<string, string>, connections: number, seconds: number) {
  let k = 0;
  const opts: autocannon.Options = {
    url: base,
    connections,
    headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[k++ % paths.length] as string }) }],
  };
  await autocannon({ ...opts, duration: 2 });
  const times: number[] = [];
  const run = autocannon({ ...opts, duration: seconds }) as unknown as Promise<autocannon.Result> & autocannon.Instance;
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const r = await run;
  times.sort((a, b) => a - b);
  return { rps: r.requests.average, p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), errors: r.errors + r.non2xx, total: r.requests.total };
}

/** A loopback port nobody is listening on (other benchmarks may share the machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
