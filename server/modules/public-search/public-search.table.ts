export type PublicDocKind = 'topic' | 'event' | 'suggestion' | 'showcase' | 'venue';

/**
 * One public record in the search index, kept by the indexer from the public views of topics,
 * events, suggestions, showcase items and venues. On SQLite `seq` is the FTS5 rowid; on
 * PostgreSQL a generated tsvector column (not in this type) carries the tokens.
 */
export interface PublicDocTable {
  seq?: number;
  kind: PublicDocKind;
  ref_id: string;
  title: string;
  snippet: string;
  /** Space-separated bigrams of the folded title and text. */
  tokens: string;
  territory_code: string | null;
  /** When the source last changed (or the document was last written). */
  updated_at: string;
  /** A digest of what is indexed, so an unchanged record is not rewritten. */
  digest: string;
}

export interface PublicSearchTables {
  public_doc: PublicDocTable;
}
