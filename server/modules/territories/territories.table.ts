export type TerritoryLevel = 'province' | 'city' | 'county' | 'town' | 'village';

export interface TerritoryTable {
  /** Short hierarchical code as published: 2, 4, 6, 9 or 12 digits. */
  code: string;
  /** The same code padded to the 12-digit statistical form (统计用区划代码); not unique (see the migration). */
  stat_code: string;
  name: string;
  level: TerritoryLevel;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  updated_at: string;
}

export interface TerritoriesTables {
  territory: TerritoryTable;
}
