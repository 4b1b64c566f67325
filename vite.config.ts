import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const api = 'http://localhost:3000';

/**
 * The web app lives in web/ and is built into dist/web, which the Fastify server serves with a
 * single-page fallback. In development Vite proxies the API and probes to a local server.
 */
export default defineConfig({
  root: 'web',
  base: '/',
  // Brotli and gzip copies of every text asset next to it: the server sends the precompressed
  // file the browser accepts (@fastify/static preCompressed), no compression per request.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json|txt)$/, threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Every browser we support preloads modules natively; the polyfill would be dead weight.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
});
