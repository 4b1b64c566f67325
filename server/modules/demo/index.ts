export { seed, DEMO_PASSWORD, XIHU_SEED_FILE, type SeedResult } from './demo.seed.js';
export { seedDemoAppeals } from './demo-appeals.seed.js';
export { seedDemoCampaignMonth, DEMO_TOWNS, type CampaignMonthReport } from './campaign-month.seed.js';
export { seedDemoOnlineConsultation } from './online-consultation.seed.js';
