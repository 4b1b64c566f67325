import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Deps, ZodApp } from '../../infra/http/app.js';
import { AppError } from '../../infra/http/errors.js';
import { attachment, csvLine } from '../suggestions/index.js';
import { DATASETS, datasetById, LICENCE, type Dataset, type Row } from './datasets.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';

const localized = z.object({ zh: z.string(), en: z.string() });
const catalogueSchema = z.object({
  licence: z.object({ name: z.string(), url: z.string() }),
  datasets: z.array(
    z.object({
      id: z.string(),
      title: localized,
      description: localized,
      licence: z.object({ name: z.string(), url: z.string() }),
      fields: z.array(z.object({ name: z.string(), type: z.string(), description: localized })),
      formats: z.array(z.enum(['csv', 'json'])),
      downloads: z.object({ csv: z.string(), json: z.string() }),
      rowCount: z.number(),
      updatedAt: z.string().nullable(),
    }),
  ),
});

const cell = (v: Row[string]) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : v);

/** CSV: BOM, header row of field names, RFC 4180 quoting, formula-looking cells neutralised. */
async function* csvOf(d: Dataset, db: Kysely<DB>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(d.fields.map((f) => f.name))}`;
  let buffer = '';
  for await (const row of d.rows(db)) {
    buffer += csvLine(d.fields.map((f) => cell(row[f.name] ?? null)));
    if (buffer.length > 64_000) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** JSON {dataset, licence, generatedAt, fields, rows} written row by row. */
async function* jsonOf(d: Dataset, db: Kysely<DB>): AsyncGenerator<string> {
  const head = { dataset: d.id, title: d.title, licence: LICENCE, generatedAt: new Date().toISOString(), fields: d.fields };
  yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
  let first = true;
  let buffer = '';
  for await (const row of d.rows(db)) {
    buffer += `${first ? '' : ','}${JSON.stringify(Object.fromEntries(d.fields.map((f) => [f.name, row[f.name] ?? null])))}`;
    first = false;
    if (buffer.length > 64_000) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}]}`;
}

/** 开放数据: a catalogue and CSV/JSON downloads of public records and appeal aggregates (CC BY 4.0). */
export function openDataRoutes(app: ZodApp, { database }: Deps) {
  // Reporting reads: the read replica when configured.
  const db = database.reporting;
  const tags = ['open data'];

  app.get(
    '/open-data',
    { config: { access: 'public' }, schema: { tags, summary: 'The open data catalogue: datasets, their fields, licence, formats, row counts', response: { 200: catalogueSchema } } },
    async () => ({
      licence: LICENCE,
      datasets: await Promise.all(
        DATASETS.map(async (d) => {
          const s = await d.stats(db);
          return {
            id: d.id,
            title: d.title,
            description: d.description,
            licence: LICENCE,
            fields: d.fields,
            formats: ['csv' as const, 'json' as const],
            downloads: { csv: `/api/v1/open-data/${d.id}.csv`, json: `/api/v1/open-data/${d.id}.json` },
            rowCount: s.rows,
            updatedAt: s.at,
          };
        }),
      ),
    }),
  );

  app.get(
    '/open-data/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One dataset as CSV (UTF-8 with BOM) or JSON, streamed',
        params: z.object({ file: z.string().regex(/^[a-z-]{1,40}\.(csv|json)$/) }),
        response: { 200: z.unknown().meta({ type: 'string', format: 'binary' }) },
      },
    },
    async (req, reply) => {
      const [id, format] = req.params.file.split('.') as [string, 'csv' | 'json'];
      const d = datasetById(id);
      if (!d) throw new AppError('NOT_FOUND');
      const stream = Readable.from(format === 'csv' ? csvOf(d, db) : jsonOf(d, db));
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', attachment(`minhu-${d.id}.${format}`, `minhu-${d.id}.${format}`))
        .header('cache-control', 'public, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
}
