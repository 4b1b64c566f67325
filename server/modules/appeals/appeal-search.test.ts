import { describe, expect, it } from 'vitest';
import { searchClauses } from '../../infra/text/search-terms.js';
import { ftsQuery, tsQuery } from './appeal-search.repository.js';
import { phoneMatch, searchRowOf, trackingMatch, uuidFloor } from './appeal-search.js';

describe('appeal search, pure parts', () => {
  it('reads a typed tracking number as the whole number, its beginning or its end', () => {
    expect(trackingMatch('20261129-00042')).toEqual({ exact: '20261129-00042' });
    expect(trackingMatch('2026112900042')).toEqual({ exact: '20261129-00042' });
    expect(trackingMatch('20261129')).toEqual({ prefix: '20261129' });
    expect(trackingMatch('202611290')).toEqual({ prefix: '20261129-0' });
    expect(trackingMatch('20261129-000')).toEqual({ prefix: '20261129-000' });
    expect(trackingMatch('00042')).toEqual({ suffix: '00042' });
    expect(trackingMatch('42')).toEqual({ suffix: '42' });
    expect(trackingMatch('1129-00042')).toEqual({ suffix: '1129-00042' });
  });

  it('matches a mobile number whole and anything shorter by its last digits', () => {
    expect(phoneMatch('13812341234')).toEqual({ exact: '13812341234' });
    expect(phoneMatch('1234')).toEqual({ suffix: '1234' });
    expect(phoneMatch('0571-88001234')).toEqual({ suffix: '057188001234' });
  });

  it('indexes folded bigrams of description and address, and reversed numbers', () => {
    const row = searchRowOf({ id: 'x', description: '垃圾沒人清理', address: '文三路 8號', tracking_no: '20261129-00042', resident_phone: '0571-88001234' }, 'now');
    expect(row.tokens).toBe('垃圾 圾没 没人 人清 清理 文三 三路 8 号');
    expect(row.tracking_rev).toBe('24000-92116202');
    expect(row.phone_rev).toBe('432100881750');
  });

  it('quotes every token in FTS5 and tsquery syntax', () => {
    const clauses = searchClauses('公交站台破损 k1');
    expect(ftsQuery(clauses)).toBe('"公交" AND "破损" AND ("交站" OR "站台") AND ("站台" OR "台破") AND "k1"*');
    expect(tsQuery(clauses)).toBe("'公交' & '破损' & ('交站' | '站台') & ('站台' | '台破') & 'k1':*");
    expect(ftsQuery([[{ token: 'a"b', prefix: false }]])).toBe('"a""b"');
    expect(tsQuery([[{ token: "a'b\\", prefix: false }]])).toBe("'a''b\\\\'");
  });

  it('floors a time to the smallest UUIDv7 of its millisecond', () => {
    expect(uuidFloor(0x0192f3a4b5c6)).toBe('0192f3a4-b5c6-0000-0000-000000000000');
    expect(uuidFloor(0x0192f3a4b5c6) < '0192f3a4-b5c6-7000-8000-000000000000').toBe(true);
  });
});
