/** The figures' counters: each a 0/1 flag on a fact, a sum on a cube row. */
export const COUNTERS = [
  'total',
  'closed',
  'dispatched',
  'returned',
  'due_sign',
  'signed_on_time',
  'due_reply',
  'replied_on_time',
  'rated',
  'satisfied',
  'reopened',
  'resolved',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

/** One appeal as the dashboards count it (derived from its row and timeline by `factOf`). */
export interface AppealFactTable extends Counters {
  appeal_id: string;
  /** 'YYYY-MM' of created_at in China time. */
  month: string;
  territory_code: string;
  /** The 9-digit town of the territory (the territory itself above town level). */
  town_code: string;
  category_id: string;
  /** Bumped on every change: the aggregator's compare-and-set. */
  rev: number;
  updated_at: string;
}

/** Facts summed per month × town × category: district views. */
export interface AppealCubeTable extends Counters {
  month: string;
  town_code: string;
  category_id: string;
}

/** Facts summed per month × territory × category: town and community views. */
export interface AppealAreaCubeTable extends Counters {
  month: string;
  territory_code: string;
  category_id: string;
  town_code: string;
}

/** The aggregator's progress: the change-log watermark (appeal_event ids), the backfill cursor, when a figure last changed (ms). */
export interface DashboardStateTable {
  name: string;
  watermark: string;
  cursor: string | null;
  changed_at: number | string;
  updated_at: string;
}

export interface DashboardsTables {
  appeal_fact: AppealFactTable;
  appeal_cube: AppealCubeTable;
  appeal_area_cube: AppealAreaCubeTable;
  dashboard_state: DashboardStateTable;
}
