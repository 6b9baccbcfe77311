import { describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN, packagedTrust } from '../../../../main/policy/renderer-origin.ts'

// desktopCapturer needs the binary: two sources stand in; the session stand-in keeps the display
// media handler so the test can make the requests a page would.
const png = 'data:image/png;base64,AAAA'
vi.mock('electron', () => ({
  desktopCapturer: {
    getSources: async () =>
      ['screen:0:0', 'window:9:0'].map((id) => ({ id, name: id.startsWith('screen') ? 'Entire screen' : 'Notes', thumbnail: { isEmpty: () => false, toDataURL: () => png } })),
  },
}))
const { installScreenPicker } = await import('../../../../main/electron/screen.ts')

type Handler = (request: { securityOrigin: string }, callback: (streams: unknown) => void) => void
function setup() {
  let handler: Handler | null = null
  const session = { setDisplayMediaRequestHandler: (h: Handler) => void (handler = h) }
  const picker = installScreenPicker(session as never, packagedTrust)
  const request = (origin: string) => new Promise((resolve) => handler!({ securityOrigin: origin }, resolve))
  return { picker, request }
}

describe('the screen picker wiring', () => {
  it('captures the source the member picked, once', async () => {
    const { picker, request } = setup()
    expect((await picker.sources()).map((s) => s.name)).toEqual(['Entire screen', 'Notes'])
    picker.choose('window:9:0')
    expect(await request(APP_ORIGIN)).toMatchObject({ video: { id: 'window:9:0' } })
    expect(await request(APP_ORIGIN)).toBeNull()
  })

  it('refuses a capture nobody picked, and any request from another origin', async () => {
    const { picker, request } = setup()
    await picker.sources()
    expect(await request('app://bundle')).toBeNull()
    picker.choose('screen:0:0')
    expect(await request('https://evil.example')).toBeNull()
  })
})
