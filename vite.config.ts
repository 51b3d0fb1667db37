import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { bundleBudget } from './infra/build/bundle-budget';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root: path.join(root, 'frontend'),
  publicDir: path.join(root, 'frontend/public'),
  // The staff app's initial JS (entry and static imports) stays under 300 KB gzipped; the portal
  // entry's size is printed beside it.
  plugins: [react(), tailwindcss(), bundleBudget({ portalModule: 'frontend/src/portal/portal-app.tsx' })],
  resolve: {
    alias: {
      '@shared': path.join(root, 'shared'),
      '@': path.join(root, 'frontend/src'),
    },
  },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
});
