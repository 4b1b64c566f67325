import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

/**
 * The web app lives in web/ and is built into dist/web, which the Fastify server serves with a
 * single-page fallback. In development Vite proxies the API and probes to a local server.
 */
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The server's CSP forbids inline scripts, so the module preload polyfill (an inline
    // script in some setups) stays off; every browser we target supports modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
});
