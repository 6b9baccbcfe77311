/**
 * Items of Electron's security checklist that live in the build rather than in main's policies
 * (those are test/unit/main/policy/*, the fuses test/unit/build/electron-builder.test.ts, the IPC
 * contract test/unit/main/ipc/contract.test.ts): a supported Electron, and a preload that can run
 * sandboxed (one CommonJS file that requires nothing but 'electron').
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import viteConfig from '../../../electron.vite.config.ts'

const read = (path: string) => fs.readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }
const installed = JSON.parse(read('node_modules/electron/package.json')) as { version: string }
const major = (version: string) => Number(/(\d+)\./.exec(version)?.[1])

describe('Electron itself (checklist 16: a current Electron)', () => {
  // Electron supports its latest three stable majors; 45 is the newest (2026-11), so 43 is the oldest.
  it('is a supported major', () => expect(major(installed.version)).toBeGreaterThanOrEqual(43))
  it('is the major package.json asks for', () => expect(major(pkg.devDependencies.electron!)).toBe(major(installed.version)))
})

describe('the preload runs sandboxed (checklist 4)', () => {
  const preload = (viteConfig as { preload: { build: { externalizeDeps: boolean; rollupOptions: { external: string[]; output: { format: string } } } } }).preload.build

  it('is built as one CommonJS file, since a sandboxed preload cannot be an ES module', () =>
    expect(preload.rollupOptions.output.format).toBe('cjs'))

  it("bundles every import but 'electron', the one module the sandbox's require gives it", () => {
    expect(preload.externalizeDeps).toBe(false)
    expect(preload.rollupOptions.external).toEqual(['electron'])
  })

  it('imports only the contract, its own files and electron (no Node built-ins)', () => {
    const sources = fs.readdirSync(new URL('../../../preload/', import.meta.url)).filter((f) => f.endsWith('.ts'))
    const imports = sources.flatMap((f) => [...read(`preload/${f}`).matchAll(/from '([^']+)'/g)].map((m) => m[1]!))
    expect(imports.filter((i) => i !== 'electron' && !i.startsWith('../protocol/') && !i.startsWith('./'))).toEqual([])
  })
})
