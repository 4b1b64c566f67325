// The baseline: bare Fastify answering the same JSON without database, auth or schemas.
import Fastify from 'fastify';

const payload = process.env.BENCH_PAYLOAD ? (JSON.parse(process.env.BENCH_PAYLOAD) as unknown) : { items: [] };
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/children', async () => payload);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
