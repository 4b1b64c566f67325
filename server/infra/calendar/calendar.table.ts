import type { DayKind } from './work-calendar.js';

export interface CalendarDayTable {
  /** Local date in China, YYYY-MM-DD. */
  date: string;
  kind: DayKind;
  name: string;
  /** 'official' from the shipped State Council list, 'admin' when entered or changed by hand. */
  source: 'official' | 'admin';
  updated_at: string;
}

export interface CalendarTables {
  calendar_day: CalendarDayTable;
}
