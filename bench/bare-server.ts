// The baseline: bare Fastify answering the same JSON without database, auth or schemas.
import Fastify from 'fastify';

const payload = process.env.BENCH_PAYLOAD ? (JSON.parse(process.env.BENCH_PAYLOAD) as unknown) : { items: [] };
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/children', async () => payload);
// The same shape of work as an intake POST: a JSON body parsed, a small JSON answer with 201.
app.post('/echo', async (req, reply) => reply.status(201).send({ id: '0190f5c2-7d1e-7000-8000-000000000000', received: typeof req.body }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
