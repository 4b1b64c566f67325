export interface TimerTable {
  id: string;
  kind: string;
  resource_id: string;
  due_at: string;
  payload: string;
  created_at: string;
  fired_at: string | null;
  outcome: string | null;
}

export interface TimerTables {
  timer: TimerTable;
}
