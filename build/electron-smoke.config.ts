// The smoke test of the real Electron binary (test/electron-smoke/): run only by
// .github/workflows/release.yml, never by `npm test`, whose projects (vitest.config.ts) include
// test/unit, test/integration and test/e2e only. Here, not beside the test: config files default-export.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '..'),
    include: ['test/electron-smoke/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
})
