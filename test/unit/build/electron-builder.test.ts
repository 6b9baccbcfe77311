import fs from 'node:fs'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const file = new URL('../../../build/electron-builder.yml', import.meta.url)
const config = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>
  files: string[]
  asarUnpack: string[]
  protocols: { schemes: string[] }[]
  deb: { depends: string[] }
  mac: { extendInfo: Record<string, string>; entitlements: string }
}

describe('electron-builder.yml', () => {
  it("matches electron-builder's own configuration schema", async () => {
    await expect(validateConfiguration(structuredClone(config) as never, { isEnabled: false, add() {} } as never)).resolves.toBeUndefined()
  })

  it('would reject a misspelt option (the schema check is live)', async () => {
    await expect(validateConfiguration({ ...config, electronFusez: {} } as never, { isEnabled: false, add() {} } as never)).rejects.toThrow(
      /configuration/,
    )
  })

  // Electron security checklist item 19; defaults per docs fuses.md are the opposite for most.
  it.each([
    ['runAsNode', false],
    ['enableCookieEncryption', true],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('sets fuse %s to %s', (fuse, value) => expect(config.electronFuses[fuse]).toBe(value))

  it('sets no fuse beyond the reviewed list', () => expect(Object.keys(config.electronFuses)).toHaveLength(7))

  it('packs only the build output and package.json', () => expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map']))

  it('unpacks native modules from the asar', () => expect(config.asarUnpack).toEqual(['**/*.node']))

  it('registers the vo: deep-link scheme', () => expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['vo']))

  it('depends on libsecret so safeStorage has a keyring on Debian', () => expect(config.deb.depends).toContain('libsecret-1-0'))

  it('explains camera and microphone use on macOS', () =>
    expect(Object.keys(config.mac.extendInfo)).toEqual(
      expect.arrayContaining(['NSMicrophoneUsageDescription', 'NSCameraUsageDescription']),
    ))

  it('grants camera and microphone entitlements', () => {
    const plist = fs.readFileSync(new URL(`../../../${config.mac.entitlements}`, import.meta.url), 'utf8')
    expect(plist).toMatch(/com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/)
    expect(plist).toMatch(/com\.apple\.security\.device\.camera<\/key>\s*<true\/>/)
  })
})
