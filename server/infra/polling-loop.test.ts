import { describe, expect, it } from 'vitest';
import { PollingLoop } from './polling-loop.js';

describe('PollingLoop', () => {
  it('never runs a round while the previous one is still going; stop waits for it', async () => {
    let active = 0;
    let maxActive = 0;
    let rounds = 0;
    const errors: unknown[] = [];
    const loop = new PollingLoop('test', { error: (o: unknown) => errors.push(o) } as never, async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 25));
      rounds++;
      active--;
      if (rounds === 2) throw new Error('one bad round');
    });
    loop.start(2);
    await new Promise((r) => setTimeout(r, 150));
    await loop.stop();
    const after = rounds;
    await new Promise((r) => setTimeout(r, 50));
    expect(maxActive).toBe(1);
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(rounds).toBe(after);
    expect(active).toBe(0);
    expect(errors).toHaveLength(1);
  });
});
