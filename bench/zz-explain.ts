import Database from 'better-sqlite3';
const db = new Database(process.argv[2] as string, { readonly: true });
const q = (s: string, ...a: unknown[]) => { console.log(s.slice(0, 100)); console.log(db.prepare(`explain query plan ${s}`).all(...a).map((r: any) => r.detail).join('\n')); const t = performance.now(); for (let i = 0; i < 5; i++) db.prepare(s).all(...a); console.log(((performance.now() - t) / 5).toFixed(2), 'ms\n'); };
q(`select month, category_id, town_code, sum(total), sum(closed), sum(due_sign), sum(signed_on_time), sum(due_reply), sum(replied_on_time), sum(dispatched), sum(returned), sum(rated), sum(satisfied), sum(reopened), sum(resolved) from appeal_cube where month >= '2025-12' and month <= '2026-11' group by month, category_id, town_code`);
q(`select count(*) from appeal_cube`);
q(`select c.starts_at, s.state, s.decision, count(*) from consultation c left join venue v on v.id = c.venue_id join suggestion s on s.consultation_id = c.id where c.starts_at >= '2025-11-30T16:00:00.000Z' and c.starts_at < '2026-11-30T16:00:00.000Z' and c.state <> 'cancelled' group by c.id, c.starts_at, s.state, s.decision, case when s.lead_unit_id is null then 0 else 1 end, case when s.state='closed' and s.grade='A' then 1 else 0 end`);
console.log(db.prepare('select count(*) n from suggestion').get());
