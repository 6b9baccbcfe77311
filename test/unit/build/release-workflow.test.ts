/**
 * The release workflow cannot run here (no network, no Electron binary), so this checks what it must
 * contain: the three targets of build/electron-builder.yml, the smoke test in the packaged app on
 * each OS before anything is published, and that `npm test` never picks that smoke test up.
 */
import fs from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import rootConfig from '../../../vitest.config.ts'
import smokeConfig from '../../../build/electron-smoke.config.ts'

interface Step {
  name?: string
  run?: string
  uses?: string
  if?: string
  env?: Record<string, string>
}
interface Job {
  needs?: string
  if?: string
  'runs-on': string
  strategy?: { matrix: { include: { os: string; target: string; app: string }[] } }
  steps: Step[]
}
const read = (path: string) => fs.readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
const workflow = parse(read('.github/workflows/release.yml')) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> }
const builder = parse(read('build/electron-builder.yml')) as { productName: string; linux: { executableName: string } }
const packageJob = workflow.jobs.package!
const matrix = packageJob.strategy!.matrix.include
const stepIndex = (pattern: RegExp) => packageJob.steps.findIndex((s) => pattern.test(s.run ?? ''))

describe('.github/workflows/release.yml', () => {
  it('runs for version tags', () => expect(workflow.on.push.tags).toEqual(['v*']))

  it('packages the Linux, macOS and Windows targets, each on its own OS', () => {
    expect(matrix.map((m) => [m.os.split('-')[0], m.target])).toEqual([
      ['ubuntu', '--linux AppImage deb'],
      ['macos', '--mac dmg zip'],
      ['windows', '--win nsis'],
    ])
    const packaging = packageJob.steps[stepIndex(/electron-builder --config build\/electron-builder\.yml/)]!
    expect(packaging.run).toContain('${{ matrix.target }}')
  })

  it('builds main, preload and renderer before packaging', () => {
    expect(stepIndex(/electron-vite build/)).toBeGreaterThan(stepIndex(/^npm ci$/))
    expect(stepIndex(/electron-vite build/)).toBeLessThan(stepIndex(/electron-builder/))
  })

  it('smoke-tests the packaged app in the real Electron binary after packaging', () => {
    const smoke = stepIndex(/vitest run --config build\/electron-smoke\.config\.ts/)
    expect(smoke).toBeGreaterThan(stepIndex(/electron-builder/))
    expect(packageJob.steps[smoke]!.env?.OFFICE_SMOKE_APP).toBe('${{ github.workspace }}/${{ matrix.app }}')
    // Linux runners have no display: the app needs a virtual one.
    expect(packageJob.steps[smoke]!.run).toMatch(/xvfb-run/)
  })

  it("points the smoke test at each platform's packaged executable", () => {
    expect(matrix.map((m) => m.app)).toEqual([
      `release/linux-unpacked/${builder.linux.executableName}`,
      `release/mac-arm64/${builder.productName}.app/Contents/MacOS/${builder.productName}`,
      `release/win-unpacked/${builder.productName}.exe`,
    ])
  })

  it('publishes nothing until every platform passed its smoke test', () => {
    expect(packageJob.steps[stepIndex(/electron-builder/)]!.run).toContain('--publish never')
    expect(workflow.jobs.publish).toMatchObject({ needs: 'package', if: "startsWith(github.ref, 'refs/tags/v')" })
  })

  it('takes the update feed from configuration: a generic URL, or GitHub Releases', () => {
    const packaging = packageJob.steps[stepIndex(/electron-builder/)]!.run!
    expect(read('.github/workflows/release.yml')).toContain('OFFICE_UPDATE_URL: ${{ vars.OFFICE_UPDATE_URL }}')
    expect(packaging).toMatch(/if \[ "\$UPDATE_FEED" = github \]; then feed=\(--config\.publish=github\); fi/)
  })
})

describe('the Electron smoke test', () => {
  it('is its own vitest config, outside every project of npm test', () => {
    expect(smokeConfig.test?.include).toEqual(['test/electron-smoke/**/*.test.ts'])
    const includes = (rootConfig.test?.projects as { test: { include: string[] } }[]).flatMap((p) => p.test.include)
    expect(includes).toEqual(['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'])
  })

  it('starts, signs in and walks into a room', () => {
    const smoke = read('test/electron-smoke/smoke.test.ts')
    expect(smoke).toMatch(/createWorkspace\(/)
    expect(smoke).toMatch(/walkInto\('Meeting room'\)/)
    expect(smoke).toMatch(/getByText\('Connected'\)/)
  })
})
