import { describe, expect, it } from 'vitest'
import { readLaunchConfig } from '../../../main/launch-config.ts'

const argv0 = ['/opt/Virtual Office/virtual-office']

describe('readLaunchConfig', () => {
  it('defaults to the local server and LiveKit', () =>
    expect(readLaunchConfig({}, argv0, true)).toEqual({
      serverUrl: 'http://127.0.0.1:8080',
      livekitUrl: 'ws://127.0.0.1:7880',
      rendererDevUrl: null,
      debug: false,
    }))
  it('reads OFFICE_SERVER_URL', () =>
    expect(readLaunchConfig({ OFFICE_SERVER_URL: 'https://office.example.com' }, argv0, true).serverUrl).toBe('https://office.example.com'))
  it('lets --server= win over the environment', () =>
    expect(readLaunchConfig({ OFFICE_SERVER_URL: 'https://a.example' }, [...argv0, '--server=https://b.example/'], true).serverUrl).toBe(
      'https://b.example',
    ))
  it('keeps a path prefix on the server URL', () =>
    expect(readLaunchConfig({}, [...argv0, '--server=https://corp.example/office/'], true).serverUrl).toBe('https://corp.example/office'))
  it('reads --livekit=', () => expect(readLaunchConfig({}, [...argv0, '--livekit=wss://lk.example'], true).livekitUrl).toBe('wss://lk.example'))
  it('rejects a server URL that is not http(s)', () =>
    expect(() => readLaunchConfig({ OFFICE_SERVER_URL: 'file:///etc/passwd' }, argv0, true)).toThrow(/server URL must use/))
  it('rejects a server URL that does not parse', () => expect(() => readLaunchConfig({}, [...argv0, '--server=nope'], true)).toThrow(/not a URL/))
  it('uses ELECTRON_RENDERER_URL in development', () =>
    expect(readLaunchConfig({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, argv0, false).rendererDevUrl).toBe('http://localhost:5173'))
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () =>
    expect(readLaunchConfig({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, argv0, true).rendererDevUrl).toBeNull())
  it('turns debug on with --debug', () => expect(readLaunchConfig({}, [...argv0, '--debug'], true).debug).toBe(true))
  it('turns debug on with OFFICE_DEBUG=1', () => expect(readLaunchConfig({ OFFICE_DEBUG: '1' }, argv0, true).debug).toBe(true))
  it('turns debug on when not packaged', () => expect(readLaunchConfig({}, argv0, false).debug).toBe(true))
})
