// Builds the three Electron targets from our folders. The main target also emits the
// stand-alone server (`out/main/server.js`, for `npm run server`) and the launcher behind
// `npm start` (`out/main/launch.js`), so every process ships from one build.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          launch: resolve('electron/launch.ts'),
          server: resolve('server/main.ts'),
        },
        // Shared chunks sit beside the entries, so paths the server derives from its own
        // module URL (the built renderer at ../renderer) hold wherever its code ends up.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle zod and shared/ into one
      // CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    // Relative asset URLs: the same bundle is loaded from the app:// protocol in Electron and
    // served by the server to a browser.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: {
        input: {
          inbox: resolve('renderer/index.html'),
          client: resolve('renderer/client/index.html'),
        },
      },
    },
  },
});
