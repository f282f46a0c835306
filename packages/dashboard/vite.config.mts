import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The gateway a `npm run dev` session talks to; the dashboard always uses the same origin as /graphql. */
const GATEWAY = process.env['SAHAYOG_GATEWAY'] ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/graphql': { target: GATEWAY, ws: true } },
  },
});
