import fs from 'node:fs'
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { expandMacro } from 'app-builder-lib/out/util/macroExpander.js'
import { configureBuildCommand, createYargs, normalizeOptions } from 'electron-builder/out/builder.js'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const file = new URL('../../../build/electron-builder.yml', import.meta.url)
const config = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>
  files: string[]
  asarUnpack: string[]
  protocols: { schemes: string[] }[]
  deb: { depends: string[] }
  mac: { extendInfo: Record<string, string>; entitlements: string; entitlementsInherit: string; hardenedRuntime: boolean; target: string[] }
  linux: Record<string, unknown> & { target: string[]; executableName: string }
  win: { target: string[] }
  publish: { provider: string; url: string }
}
const root = new URL('../../../', import.meta.url).pathname
/** package.json: Electron on Linux names its window's desktop entry from `desktopName`, electron-builder the file it writes. */
const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { desktopName: string }

/**
 * The configuration electron-builder ends up with for the workflow's `electron-builder` command
 * (its feed arguments given), parsed by electron-builder's own CLI and config loader.
 */
async function configFromWorkflow(feedArgs: string) {
  const workflow = fs.readFileSync(new URL('../../../.github/workflows/release.yml', import.meta.url), 'utf8')
  const line = /npx (electron-builder .*)$/m.exec(workflow)![1]!
  const argv = line.replace('${{ matrix.target }}', '--linux AppImage deb').replace('"${feed[@]}"', feedArgs).trim().split(/\s+/).slice(1)
  const { config: cli } = normalizeOptions(configureBuildCommand(createYargs()).parse(argv)) as { config: string | { extends: string } }
  // As app-builder-lib's packager does: the file named on the command line, any dotted options merged over it.
  if (typeof cli === 'string') return getConfig(root, cli, null)
  const { extends: file, ...fromCli } = cli
  return getConfig(root, file, fromCli as never)
}

/** The Linux desktop entry exactly as electron-builder writes it into the AppImage and the deb. */
function desktopEntry(): Promise<string> {
  const packager = {
    appInfo: { productName: 'Virtual Office', sanitizedProductName: 'Virtual Office', productFilename: 'Virtual Office' },
    executableName: config.linux.executableName,
    config,
    platformSpecificBuildOptions: config.linux,
    fileAssociations: [],
    info: { metadata: { desktopName: pkg.desktopName } },
  }
  return new LinuxTargetHelper(packager as never).computeDesktopEntry(config.linux as never)
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

  it('packs only the build output and package.json, without the benchmark pages', () =>
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map', '!out/bench/**']))

  it('unpacks native modules from the asar', () => expect(config.asarUnpack).toEqual(['**/*.node']))

  it('registers the virtualoffice: deep-link scheme', () => expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['virtualoffice']))

  it('builds AppImage and deb on Linux, dmg (and the zip updates need) on macOS, NSIS on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg', 'zip'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('names the desktop entry in package.json after the executable, so notifications and the dock find the app', () =>
    expect(pkg.desktopName).toBe(`${config.linux.executableName}.desktop`))

  it("writes a Linux desktop entry that hands virtualoffice: links to the app", async () => {
    const entry = await desktopEntry()
    expect(entry).toMatch(/^MimeType=x-scheme-handler\/virtualoffice;$/m)
    // %U: the desktop passes the clicked link as an argument, where the second-instance hand-off finds it.
    expect(entry).toMatch(/^Exec=.*\/virtual-office"? %U$/m)
  })

  it('depends on libsecret so safeStorage has a keyring on Debian', () => expect(config.deb.depends).toContain('libsecret-1-0'))

  it('explains camera, microphone and screen recording use on macOS', () => {
    for (const key of ['NSMicrophoneUsageDescription', 'NSCameraUsageDescription', 'NSScreenCaptureUsageDescription']) {
      expect(config.mac.extendInfo[key], key).toMatch(/^Virtual Office .{20,}/)
    }
  })

  it('signs macOS builds with the hardened runtime and the same entitlements for helpers', () => {
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
  })

  it('grants camera and microphone entitlements', () => {
    const plist = fs.readFileSync(new URL(`../../../${config.mac.entitlements}`, import.meta.url), 'utf8')
    expect(plist).toMatch(/com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/)
    expect(plist).toMatch(/com\.apple\.security\.device\.camera<\/key>\s*<true\/>/)
  })

  it('grants no entitlement beyond JIT, microphone and camera', () => {
    const plist = fs.readFileSync(new URL(`../../../${config.mac.entitlements}`, import.meta.url), 'utf8')
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]).sort()).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.device.audio-input',
      'com.apple.security.device.camera',
    ])
  })
})

describe('the update feed', () => {
  it('is a generic HTTPS server whose URL comes from the build environment', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.OFFICE_UPDATE_URL}' })
    process.env.OFFICE_UPDATE_URL = 'https://updates.example.org/desktop'
    try {
      expect(expandMacro(config.publish.url, null, {} as never)).toBe('https://updates.example.org/desktop')
    } finally {
      delete process.env.OFFICE_UPDATE_URL
    }
  })

  it('refuses to build without that URL rather than ship an app with no feed', () => {
    expect(() => expandMacro(config.publish.url, null, {} as never)).toThrow(/OFFICE_UPDATE_URL is not defined/)
  })

  it("stays generic, or becomes GitHub Releases, with the release workflow's own command line", async () => {
    const generic = await configFromWorkflow('')
    expect(generic.publish).toEqual(config.publish)
    const github = await configFromWorkflow('--config.publish=github')
    expect(github.publish).toBe('github')
    // The override replaces the feed only: the fuses and everything else still come from the file.
    expect(github.electronFuses).toEqual(config.electronFuses)
    expect(github.protocols).toEqual(config.protocols)
  })
})
