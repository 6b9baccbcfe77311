import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { measureStartupBundle } from '../../support/startup-bundle.ts'
import { tempDir } from '../../support/temp.ts'

/** A built renderer as Vite lays one out: index.html, and chunks under assets/. */
function build(files: Record<string, string>) {
  const dir = tempDir('bundle-')
  mkdirSync(join(dir.path, 'assets'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir.path, name), text)
  return dir
}

const html = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-A.js"></script>
<link rel="modulepreload" crossorigin href="./assets/react-B.js">
<link rel="stylesheet" crossorigin href="./assets/index-C.css">
</head><body></body></html>`

describe('measuring the start-up bundle', () => {
  let dir: ReturnType<typeof build> | null = null
  afterEach(() => dir?.remove())

  it("counts index.html's scripts and preloads and what they import, not what they import() later", () => {
    dir = build({
      'index.html': html,
      'assets/index-A.js': 'import{a as e}from"./react-B.js";import"./shared-D.js";const l=()=>import("./Lazy-E.js");e(l)',
      'assets/react-B.js': 'export{x as a}from"./runtime-F.js";',
      'assets/shared-D.js': 'console.log(1)',
      'assets/Lazy-E.js': 'x'.repeat(10_000),
      'assets/runtime-F.js': 'export const x=1',
      'assets/index-C.css': 'body{}',
    })
    const bundle = measureStartupBundle(dir.path)
    expect(bundle.scripts.map((s) => s.file).sort()).toEqual(['assets/index-A.js', 'assets/react-B.js', 'assets/runtime-F.js', 'assets/shared-D.js'])
    expect(bundle.styles.map((s) => s.file)).toEqual(['assets/index-C.css'])
    expect(bundle.raw).toBe(bundle.scripts.reduce((t, s) => t + s.raw, 0))
    expect(bundle.raw).toBeLessThan(1_000)
    expect(bundle.gzip).toBeGreaterThan(0)
  })

  it('fails plainly when there is no build', () => {
    dir = build({})
    expect(() => measureStartupBundle(dir!.path)).toThrow(/index\.html/)
  })
})
