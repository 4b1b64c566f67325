/** One published result (成果展示): a consultation's implemented suggestion or a solved appeal. */
export interface ShowcaseItemTable {
  id: string;
  kind: 'consultation' | 'appeal';
  /** The suggestion (consultation results: the chain hangs off it) or the appeal. */
  ref_id: string;
  title: string;
  /** Public text written by district staff; the residents' own words are never copied here. */
  summary: string;
  /** The town (9 digits) the result belongs to, or null for the district. */
  territory_code: string | null;
  /** JSON array of appeal photo ids chosen for publication (already re-encoded without metadata). */
  photo_ids: string;
  published_by: string | null;
  published_by_label: string;
  published_at: string;
  /** Set when taken down; the row stays for the audit trail and can be published again. */
  unpublished_at: string | null;
  updated_at: string;
  version: number;
}

export interface ShowcaseTables {
  showcase_item: ShowcaseItemTable;
}
