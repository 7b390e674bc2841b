import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The customer app ("My credit / 我的额度"), served by `credence serve` under /app/. One web package and
 * one build: the staff console can add its own entry (rollupOptions.input) beside index.html and share
 * src/api (the client generated from /openapi.json), src/i18n and src/format.
 */
export default defineConfig({
  root,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed file names under assets/ are cached for a year by the server; index.html never is.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 600,
    // Two pages, one build: the customer app (index.html → /app/) and the staff console
    // (console/index.html → /console/, its bundles under /app/assets/ beside the app's, shared chunks once).
    rollupOptions: {
      input: { app: `${root}index.html`, console: `${root}console/index.html` },
    },
  },
  server: {
    // `npx vite web` during development: the API is the running `credence serve` on :3000.
    proxy: { '/v1': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' },
  },
});
