// Imports the whole country's territories into a fresh SQLite file and reports time and peak memory.
import { loadConfig } from '../server/config.js';
import { systemContext } from '../server/infra/commands.js';
import { openDatabase } from '../server/infra/db/database.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';
import { importTerritories, openTerritoryFile } from '../server/modules/territories/index.js';

const file = process.argv[2] as string;
const config = loadConfig();
const database = openDatabase(config.database);
await migrateToLatest(database.db);
const report = await importTerritories(database.db, systemContext('bench'), openTerritoryFile(file));
await database.close();
console.log(JSON.stringify({ ...report, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
