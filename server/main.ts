import { createApp, createWorkers, openAndMigrate } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './infra/logger.js';
import { DEMO_PASSWORD, seed, seedDemoAppeals, seedDemoCampaignMonth, seedDemoOnlineConsultation } from './modules/demo/index.js';

/** `npm start`: migrate, seed on first start, serve; stop cleanly on SIGTERM/SIGINT. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config);
  const where = config.database.engine === 'sqlite' ? config.database.file : 'PostgreSQL';
  logger.info({ database: where }, 'opening database and applying migrations');
  const database = await openAndMigrate(config);
  const seeded = await seed(database.db, config.seed);
  if (seeded.territoriesImported) logger.info(`seeded ${seeded.territoriesImported} territories of 西湖区 (Xihu district)`);
  // Only a demo server's first start: the test harness seeds the demo accounts without these appeals.
  if (config.seed === 'demo' && (await seedDemoAppeals(database.db))) logger.info('seeded the demo appeals');
  if (config.seed === 'demo') {
    const month = await seedDemoCampaignMonth(database.db, (done, total) => {
      if (done === 1 || done % 6 === 0 || done === total) logger.info(`seeding the demo consultation month: ${done} of ${total} events`);
    });
    if (month) logger.info(`seeded the demo consultation month: ${month.events} events in 12 towns (${month.stationsAdded} stations added)`);
    const online = await seedDemoOnlineConsultation(database.db, logger);
    if (online) logger.info(`seeded the demo online consultation: ${online.participants} synthetic participants, ${online.votes} votes (the map follows within seconds)`);
  }
  const app = await createApp(config, database, logger);
  const workers = createWorkers(database, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await workers.stop();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (config.workers) workers.start(config.workerIntervalMs, config.searchIndexIntervalMs);
  const url = `http://localhost:${config.port}`;
  const lines = [``, `  民呼 Minhu is running at ${url}`, `  API docs: ${url}/api/docs`];
  if (config.seed === 'demo') {
    lines.push(`  Demo mode — sign in as any of these (password ${DEMO_PASSWORD}):`);
    for (const a of seeded.demoAccounts) lines.push(`    ${a.username.padEnd(11)} ${a.role}`);
  }
  if (seeded.generatedAdmin) {
    lines.push(`  First administrator created; the password must be changed at the first sign-in:`);
    lines.push(`    user ${seeded.generatedAdmin.username}   password ${seeded.generatedAdmin.password}`);
    lines.push(`  (shown only now; if it is lost, create another administrator with: npx minhu create-user NAME --name "…" --role admin)`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
