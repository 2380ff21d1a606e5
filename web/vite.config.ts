/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The CMake build writes into <build>/web/dist through HELPDESK_WEB_OUT;
// scripts/bundle-budget.mjs reads the same variable.
const outDir = process.env.HELPDESK_WEB_OUT || 'dist';
// `npm run dev` forwards the API to a helpdesk-server on this address.
const apiTarget = process.env.HELPDESK_API || 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // Inline no script or style: the server's CSP allows only 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': apiTarget },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
