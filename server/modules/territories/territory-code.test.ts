import { describe, expect, it } from 'vitest';
import { ancestorCodesOf, levelOfCode, normalizeCode, parentCodeOf, statCodeOf } from './territory-code.js';

describe('territory codes', () => {
  it('levels follow the code length', () => {
    expect(levelOfCode('33')).toBe('province');
    expect(levelOfCode('3301')).toBe('city');
    expect(levelOfCode('330106')).toBe('county');
    expect(levelOfCode('330106002')).toBe('town');
    expect(levelOfCode('330106002003')).toBe('village');
    expect(levelOfCode('3301060')).toBeUndefined();
    expect(levelOfCode('33a1')).toBeUndefined();
  });

  it('pads to the 12-digit statistical code and back', () => {
    expect(statCodeOf('330106')).toBe('330106000000');
    for (const c of ['33', '3301', '330106', '330106002', '330106002003']) expect(normalizeCode(statCodeOf(c))).toBe(c);
    expect(normalizeCode(' 330106 ')).toBe('330106');
    expect(normalizeCode('12345')).toBeUndefined();
    expect(normalizeCode("1' or 1=1")).toBeUndefined();
  });

  it('parents and ancestors come from the code structure', () => {
    expect(parentCodeOf('33')).toBeNull();
    expect(parentCodeOf('330106002003')).toBe('330106002');
    expect(ancestorCodesOf('330106002003')).toEqual(['33', '3301', '330106', '330106002']);
  });
});
