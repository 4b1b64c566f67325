import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** The default procedure (按图施工，挂图协商): its id is fixed so a seed or a test can name it. */
export const DEFAULT_TEMPLATE_ID = '01960000-0000-7000-8000-000000000001';

// Frozen here as data: later edits happen through the template editor, not by changing this.
const DEFAULT_STEPS = [
  { key: 'collect', label: '收集议题', requires: [] },
  { key: 'propose', label: '提出议题（点题）', requires: [] },
  { key: 'review', label: '审核备案', requires: [] },
  { key: 'research', label: '调研走访', requires: ['research_report'] },
  { key: 'consult', label: '协商议事', requires: ['announcement', 'agenda', 'invitations', 'sign_in_list', 'minutes', 'photos'] },
  { key: 'suggestions', label: '形成意见清单', requires: ['suggestion_list'] },
  { key: 'assign', label: '交办', requires: [] },
  { key: 'implement', label: '落实', requires: [] },
  { key: 'feedback', label: '反馈', requires: [] },
  { key: 'showcase', label: '成果展示', requires: [] },
];

/** Who attended a consultation event (signed in by QR code or added by staff), and the default procedure. */
export const consultationWork: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('consultation_attendee')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
      .addColumn('role_kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('affiliation', 'text')
      .addColumn('account_id', 'text', (c) => c.references('account.id'))
      .addColumn('phone_hash', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('speaker', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('created_by_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // One sign-in per account and per phone and event (NULLs never collide on either engine).
    await db.schema.createIndex('consultation_attendee_account_uq').on('consultation_attendee').columns(['consultation_id', 'account_id']).unique().execute();
    await db.schema.createIndex('consultation_attendee_phone_uq').on('consultation_attendee').columns(['consultation_id', 'phone_hash']).unique().execute();
    const now = '2026-11-29T07:10:00.000Z';
    await db
      .insertInto('procedure_template')
      .values({
        id: DEFAULT_TEMPLATE_ID,
        name: '基层协商标准规程',
        description: '收集—点题—审核备案—调研走访—协商议事—意见清单—交办—落实—反馈—成果展示',
        steps: JSON.stringify(DEFAULT_STEPS),
        active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.deleteFrom('consultation').where('template_id', '=', DEFAULT_TEMPLATE_ID).execute();
    await db.deleteFrom('procedure_template').where('id', '=', DEFAULT_TEMPLATE_ID).execute();
    await db.schema.dropTable('consultation_attendee').execute();
  },
};
