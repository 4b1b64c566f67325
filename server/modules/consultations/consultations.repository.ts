import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { ConsultationArtefactTable } from './consultations.table.js';

export async function findConsultation(db: Kysely<DB>, id: string) {
  return db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertArtefact(db: Kysely<DB>, row: ConsultationArtefactTable) {
  await db.insertInto('consultation_artefact').values(row).execute();
}

export async function listArtefacts(db: Kysely<DB>, consultationId: string) {
  return db.selectFrom('consultation_artefact').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('id').execute();
}
