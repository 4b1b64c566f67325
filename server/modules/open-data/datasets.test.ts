import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS, LICENCE } from './datasets.js';

describe('open datasets', () => {
  it('docs/OPEN-DATA.md documents every dataset, field and the licence', () => {
    const doc = fs.readFileSync(new URL('../../../docs/OPEN-DATA.md', import.meta.url), 'utf8');
    expect(doc).toContain(LICENCE.name);
    for (const d of DATASETS) {
      expect(doc, d.id).toContain(`## \`${d.id}\``);
      const section = doc.slice(doc.indexOf(`## \`${d.id}\``)).split('\n## ')[0]!;
      for (const f of d.fields) expect(section, `${d.id}.${f.name}`).toContain(`| \`${f.name}\` | ${f.type} |`);
    }
  });

  it('no dataset has a field for a person’s contact or an appeal’s text', () => {
    for (const d of DATASETS) for (const f of d.fields) expect(f.name).not.toMatch(/phone|resident|description(?!$)|address(?!$)|lat|lng|tracking/i);
    expect(DATASETS.find((d) => d.id === 'appeal-stats')!.fields.map((f) => f.name)).not.toContain('address');
  });
});
