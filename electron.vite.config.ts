// Builds the three Electron targets into out/: main (ESM, like the package), the preload (one CJS
// file, because a sandboxed preload can neither be ESM nor require anything but 'electron'), and
// the renderer. `electron-vite build` needs no Electron binary; `dev`/`preview` do.
import { cpSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * The whiteboard's fonts (Excalidraw's hand-drawn and plain faces), served by the app itself:
 * Excalidraw would otherwise fetch them from a CDN, which the CSP forbids. Xiaolai, the 13 MB CJK
 * face, is left out: text in those scripts falls back to the system's fonts.
 */
function excalidrawFonts(): Plugin {
  const from = resolve(import.meta.dirname, 'node_modules/@excalidraw/excalidraw/dist/prod/fonts')
  return {
    name: 'excalidraw-fonts',
    apply: 'build',
    writeBundle(options) {
      for (const face of readdirSync(from)) {
        if (face !== 'Xiaolai') cpSync(join(from, face), join(options.dir!, 'excalidraw', 'fonts', face), { recursive: true })
      }
    },
  }
}

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
    plugins: [react(), excalidrawFonts()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves bundles unminified; the renderer is also what browsers download, and
      // start-up time is parse time.
      minify: true,
      // Electron's Chromium (and every current browser) preloads modules itself; the polyfill was
      // start-up bytes for nothing (test/e2e/startup-bundle.test.ts holds that bundle to a budget).
      // A lazy chunk's JavaScript dependencies are found by the browser as it loads the chunk:
      // preloading them meant a <link> element per dependency added to the page on every
      // dynamic import during the first render (tens of them), time taken from painting the
      // cached floor. The page's own list stays, and so do stylesheets, which only load that way.
      modulePreload: { polyfill: false },
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
})
