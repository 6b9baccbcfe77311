// Builds the three Electron targets into out/: main (ESM, like the package), the preload (one CJS
// file, because a sandboxed preload can neither be ESM nor require anything but 'electron'), and
// the renderer. `electron-vite build` needs no Electron binary; `dev`/`preview` do.
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // `dependencies` stay external and are loaded from node_modules at runtime: better-sqlite3
      // must, since its loader finds the native .node file relative to its own package.
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle everything (typebox included): the sandbox's require knows only a few modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves bundles unminified; the renderer is also what browsers download, and
      // start-up time is parse time.
      minify: true,
      // Electron's Chromium (and every current browser) preloads modules itself; the polyfill was
      // start-up bytes for nothing (test/e2e/startup-bundle.test.ts holds that bundle to a budget).
      modulePreload: { polyfill: false },
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
})
