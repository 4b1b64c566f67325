import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../config.js';
import { AppError, ERROR_CATALOGUE, langOf, problemOf, renderErrorsMarkdown } from './errors.js';

describe('error catalogue', () => {
  it('docs/errors.md is generated from the catalogue (run `npm run minhu -- docs errors`)', () => {
    const doc = fs.readFileSync(path.join(packageRoot(), 'docs/errors.md'), 'utf8');
    expect(doc).toBe(renderErrorsMarkdown());
  });

  it('every code has a 4xx/5xx status and both languages', () => {
    for (const [code, e] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.zh.length).toBeGreaterThan(0);
      expect(e.en.length).toBeGreaterThan(0);
    }
  });

  it('problem bodies follow RFC 9457 in the request language', () => {
    const p = problemOf(new AppError('NOT_FOUND', { zh: '没有', en: 'none' }), 'en', 'req-1', '/api/v1/x');
    expect(p).toEqual({ type: 'urn:minhu:error:not_found', title: 'The record does not exist', status: 404, detail: 'none', instance: '/api/v1/x', code: 'NOT_FOUND', requestId: 'req-1' });
    expect(problemOf(new AppError('FORBIDDEN'), 'zh-CN', 'r', '/').title).toBe('没有权限执行此操作');
  });

  it('Chinese is the default language', () => {
    expect(langOf(undefined)).toBe('zh-CN');
    expect(langOf('zh-CN,zh;q=0.9')).toBe('zh-CN');
    expect(langOf('en-US,en;q=0.9')).toBe('en');
    expect(langOf('fr')).toBe('zh-CN');
  });
});
