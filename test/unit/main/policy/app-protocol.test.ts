import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppPath } from '../../../../main/policy/app-protocol.ts'

const root = path.resolve('/srv/app/out/renderer')
const inRoot = (...p: string[]) => path.join(root, ...p)

describe('resolveAppPath', () => {
  it('serves index.html for /', () => expect(resolveAppPath('app://bundle/', root)).toBe(inRoot('index.html')))
  it('serves a file', () => expect(resolveAppPath('app://bundle/index.html', root)).toBe(inRoot('index.html')))
  it('serves a nested asset', () => expect(resolveAppPath('app://bundle/assets/app-1a2b.js', root)).toBe(inRoot('assets', 'app-1a2b.js')))
  it('ignores the query and hash', () => expect(resolveAppPath('app://bundle/index.html?v=2#x', root)).toBe(inRoot('index.html')))
  it('decodes an encoded space', () => expect(resolveAppPath('app://bundle/my%20file.png', root)).toBe(inRoot('my file.png')))
  it('refuses ..', () => expect(resolveAppPath('app://bundle/../../etc/passwd', root)).toBeNull())
  it('refuses .. in the middle', () => expect(resolveAppPath('app://bundle/assets/../../secret', root)).toBeNull())
  it('refuses %2e%2e', () => expect(resolveAppPath('app://bundle/%2e%2e/%2e%2e/etc/passwd', root)).toBeNull())
  it('refuses %2E%2E', () => expect(resolveAppPath('app://bundle/%2E%2E/x', root)).toBeNull())
  it('refuses a single dot segment', () => expect(resolveAppPath('app://bundle/./index.html', root)).toBeNull())
  it('refuses an absolute path (empty segment)', () => expect(resolveAppPath('app://bundle//etc/passwd', root)).toBeNull())
  it('refuses an encoded slash', () => expect(resolveAppPath('app://bundle/..%2f..%2fetc/passwd', root)).toBeNull())
  it('refuses an encoded backslash', () => expect(resolveAppPath('app://bundle/..%5c..%5cwin.ini', root)).toBeNull())
  it('refuses a drive letter', () => expect(resolveAppPath('app://bundle/C:/Windows/win.ini', root)).toBeNull())
  it('refuses a NUL byte', () => expect(resolveAppPath('app://bundle/index.html%00.png', root)).toBeNull())
  it('refuses malformed escapes', () => expect(resolveAppPath('app://bundle/%E0%A4%A', root)).toBeNull())
  it('refuses another host', () => expect(resolveAppPath('app://other/index.html', root)).toBeNull())
  it('refuses a look-alike host', () => expect(resolveAppPath('app://bundle.evil/index.html', root)).toBeNull())
  it('refuses another scheme', () => expect(resolveAppPath('file:///etc/passwd', root)).toBeNull())
})
