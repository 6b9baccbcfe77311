/**
 * Devices and per-room-kind microphone/camera, as members use them: Settings lists Chromium's
 * (fake) microphones, camera and speakers, shows the microphone's level, and keeps each member's
 * choices across a reload; lounges start audio only and meeting rooms with the camera, unless the
 * member turned it off there before; the camera goes off at the desk, and does not start when
 * another is chosen while it is off; a room joined at someone's request starts muted; and a
 * microphone unplugged in a call falls back to the default, with a notice, and back when plugged in.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

/** Records every track getUserMedia hands out (observes only: the devices are Chromium's own). */
async function watchTracks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tracks: MediaStreamTrack[] = []
    ;(window as unknown as { __tracks: MediaStreamTrack[] }).__tracks = tracks
    const gum = MediaDevices.prototype.getUserMedia
    MediaDevices.prototype.getUserMedia = async function (this: MediaDevices, c?: MediaStreamConstraints) {
      const stream = await gum.call(this, c)
      tracks.push(...stream.getTracks())
      return stream
    }
  })
}

/**
 * Plugging and unplugging a microphone. A physical device cannot be plugged into this machine, so
 * this is the one fake: enumerateDevices hides the devices "unplugged" (Chromium's fake "Fake Audio
 * Input 2" starts unplugged), and plug/unplug fire `devicechange` as the OS does; unplugging also
 * ends that device's live tracks, as a real unplug does. Capture itself stays Chromium's.
 */
async function fakeHotplug(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const hidden = new Set(['Fake Audio Input 2'])
    const md = MediaDevices.prototype
    const list = md.enumerateDevices
    md.enumerateDevices = async function (this: MediaDevices) {
      return (await list.call(this)).filter((d) => !hidden.has(d.label))
    }
    const tracks = () => (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks
    ;(window as unknown as { __hotplug: unknown }).__hotplug = {
      plug(label: string) {
        hidden.delete(label)
        navigator.mediaDevices.dispatchEvent(new Event('devicechange'))
      },
      unplug(label: string) {
        hidden.add(label)
        for (const t of tracks().filter((x) => x.label === label && x.readyState === 'live')) {
          t.stop()
          t.dispatchEvent(new Event('ended'))
        }
        navigator.mediaDevices.dispatchEvent(new Event('devicechange'))
      },
    }
  })
}

/** Labels of the live tracks of a kind the page holds (the devices in use). */
const liveLabels = (page: Page, kind: 'audio' | 'video') =>
  page.evaluate((k) => (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks.filter((t) => t.kind === k && t.readyState === 'live').map((t) => t.label), kind)

const hotplug = (page: Page, action: 'plug' | 'unplug', label: string) =>
  page.evaluate(([a, l]) => (window as unknown as { __hotplug: Record<string, (l: string) => void> }).__hotplug[a]!(l), [action, label] as const)

const options = (dialog: Locator, select: string) => dialog.getByRole('combobox', { name: select }).locator('option').allTextContents()
const chosen = (dialog: Locator, select: string) => dialog.getByRole('combobox', { name: select }).locator('option:checked').textContent()

/** The camera button of the call panel says what a click would do: "Turn camera on" while it is off. */
const camera = (office: OfficePage, room: string, state: 'on' | 'off') => office.stage(room).getByRole('button', { name: state === 'on' ? 'Turn camera off' : 'Turn camera on' })
const microphone = (office: OfficePage, room: string, state: 'on' | 'off') => office.stage(room).getByRole('button', { name: state === 'on' ? 'Mute microphone' : 'Unmute microphone' })

/** Signed in and the office live (the cached floor shows first, before the calls can be joined). */
async function online(office: OfficePage): Promise<void> {
  await office.floor().waitFor()
  await office.page.getByText(/^(Connecting|Reconnecting)…$/).waitFor({ state: 'hidden' })
}

async function enter(office: OfficePage, room: string): Promise<void> {
  await office.walkInto(room)
  await office.stage(room).getByText('Connected', { exact: true }).waitFor()
}

describe('devices and microphone/camera per room kind', () => {
  const suite = officeSuite()

  beforeAll(async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
  })

  const open = async (hotplugging = false) => {
    const { user, office } = await suite.open('about:blank')
    await watchTracks(user.context)
    if (hotplugging) await fakeHotplug(user.context)
    await user.page.goto(suite.stack.server.url)
    return office
  }

  it('Settings lists the devices, shows the level, applies a choice, and keeps it per member across a reload', async () => {
    const a = await open()
    await a.signIn(ana)
    await online(a)
    let dialog = await a.openSettings()
    expect(await options(dialog, 'Microphone')).toEqual(['Fake Default Audio Input', 'Fake Audio Input 1', 'Fake Audio Input 2'])
    expect(await options(dialog, 'Camera')).toEqual(['System default', 'fake_device_0'])
    expect(await options(dialog, 'Speaker')).toContain('Fake Audio Output 1')
    // Chromium's fake microphone beeps: the meter moves.
    const meter = dialog.getByRole('meter', { name: 'Microphone level' })
    await expect.poll(async () => Number(await meter.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0)

    await dialog.getByRole('combobox', { name: 'Microphone' }).selectOption({ label: 'Fake Audio Input 1' })
    await expect.poll(() => liveLabels(a.page, 'audio')).toEqual(['Fake Audio Input 1'])
    await dialog.getByRole('combobox', { name: 'Speaker' }).selectOption({ label: 'Fake Audio Output 1' })
    await dialog.getByRole('checkbox', { name: 'Noise suppression' }).uncheck()
    await dialog.getByRole('checkbox', { name: 'Low power' }).check()
    await a.closeSettings(dialog)

    await a.page.reload()
    await online(a)
    // Applied when the office goes online: the call uses the chosen microphone.
    await enter(a, 'Meeting room')
    await expect.poll(() => liveLabels(a.page, 'audio')).toEqual(['Fake Audio Input 1'])
    dialog = await a.openSettings()
    expect(await chosen(dialog, 'Microphone')).toBe('Fake Audio Input 1')
    expect(await chosen(dialog, 'Speaker')).toBe('Fake Audio Output 1')
    expect(await dialog.getByRole('checkbox', { name: 'Noise suppression' }).isChecked()).toBe(false)
    expect(await dialog.getByRole('checkbox', { name: 'Echo cancellation' }).isChecked()).toBe(true)
    expect(await dialog.getByRole('checkbox', { name: 'Low power' }).isChecked()).toBe(true)
    await a.closeSettings(dialog)

    // Bo on the same browser has his own (none yet: the defaults); Ana's come back with her.
    await a.signOut()
    await a.signIn(bo)
    await online(a)
    dialog = await a.openSettings()
    expect(await chosen(dialog, 'Microphone')).toBe('Fake Default Audio Input')
    expect(await dialog.getByRole('checkbox', { name: 'Low power' }).isChecked()).toBe(false)
    await a.closeSettings(dialog)
    await a.signOut()
    await a.signIn(ana)
    await online(a)
    dialog = await a.openSettings()
    await expect.poll(() => chosen(dialog, 'Microphone')).toBe('Fake Audio Input 1')
  }, 90_000)

  it('a lounge starts audio only and a meeting room with the camera, unless the member turned it off there', async () => {
    const a = await open()
    await a.signIn(ana)
    await enter(a, 'Lounge')
    await camera(a, 'Lounge', 'off').waitFor()
    await microphone(a, 'Lounge', 'on').waitFor()
    await enter(a, 'Meeting room')
    await camera(a, 'Meeting room', 'on').waitFor()

    // Ana turns the camera off in a meeting room: meeting rooms start that way for her from now on.
    await camera(a, 'Meeting room', 'on').click()
    await camera(a, 'Meeting room', 'off').waitFor()
    await enter(a, 'Lounge')
    await camera(a, 'Lounge', 'off').waitFor()
    await enter(a, 'Meeting room')
    await camera(a, 'Meeting room', 'off').waitFor()
    await expect.poll(() => liveLabels(a.page, 'video')).toEqual([])

    // Remembered for her across a reload.
    await a.page.reload()
    await online(a)
    await enter(a, 'Meeting room')
    await camera(a, 'Meeting room', 'off').waitFor()
  }, 90_000)

  it('the camera goes off at the desk: Settings opened there takes only the microphone, and the camera stops soon after a call is left', async () => {
    const a = await open()
    await a.signIn(ana)
    await online(a)
    const dialog = await a.openSettings()
    await expect.poll(() => liveLabels(a.page, 'audio')).toHaveLength(1)
    await a.closeSettings(dialog)
    expect(await liveLabels(a.page, 'video')).toEqual([])

    await enter(a, 'Meeting room')
    await camera(a, 'Meeting room', 'on').waitFor()
    expect(await liveLabels(a.page, 'video')).toHaveLength(1)
    await a.page.keyboard.press('b')
    await a.stage('Meeting room').waitFor({ state: 'detached' })
    // It lingers for a walk on into another room (CAMERA_AT_DESK_LINGER_MS, 10 s), then its light goes out.
    await expect.poll(() => liveLabels(a.page, 'video'), { timeout: 20_000 }).toEqual([])
    // The member's choice stands: the next meeting room has the camera on again.
    await enter(a, 'Meeting room')
    await camera(a, 'Meeting room', 'on').waitFor()
    await expect.poll(() => liveLabels(a.page, 'video')).toHaveLength(1)
  }, 90_000)

  it('a camera chosen while the camera is off in a lounge does not start', async () => {
    const a = await open()
    await a.signIn(ana)
    await online(a)
    await enter(a, 'Meeting room')
    await camera(a, 'Meeting room', 'on').waitFor()
    // The lounge turns the camera off; it lingers a minute in case the next room wants it.
    await enter(a, 'Lounge')
    await camera(a, 'Lounge', 'off').waitFor()
    const dialog = await a.openSettings()
    await dialog.getByRole('combobox', { name: 'Camera' }).selectOption({ label: 'System default' })
    await a.closeSettings(dialog)
    await expect.poll(() => liveLabels(a.page, 'video')).toEqual([])
    // Turned on, it starts with the device chosen.
    await camera(a, 'Lounge', 'off').click()
    await expect.poll(() => liveLabels(a.page, 'video')).toHaveLength(1)
  }, 90_000)

  it('a room joined at someone else\'s request starts muted', async () => {
    const a = await open()
    const b = await open()
    await a.signIn(ana)
    await b.signIn(bo)
    // Walking in of her own accord, Ana's microphone is on.
    await enter(a, 'Lounge')
    await microphone(a, 'Lounge', 'on').waitFor()
    await a.page.keyboard.press('b')
    await a.stage('Lounge').waitFor({ state: 'detached' })

    await a.personOnFloor(bo.name).click()
    await a.page.getByRole('region', { name: `Actions for ${bo.name}` }).getByRole('button', { name: 'Wave' }).click()
    await b.page.getByRole('alertdialog', { name: `${ana.name} waves at you` }).getByRole('button', { name: 'Join' }).click()
    // Bo joins at Ana's wave, and Ana at Bo's answer: both start muted, cameras as meeting rooms do.
    await b.stage('Meeting room').getByText('Connected', { exact: true }).waitFor()
    await microphone(b, 'Meeting room', 'off').waitFor()
    await camera(b, 'Meeting room', 'on').waitFor()
    await a.stage('Meeting room').getByText('Connected', { exact: true }).waitFor()
    await microphone(a, 'Meeting room', 'off').waitFor()
  }, 90_000)

  it('a microphone plugged in appears at once; unplugged in a call, the default takes over with a notice', async () => {
    const a = await open(true)
    await a.signIn(ana)
    await online(a)
    await enter(a, 'Meeting room')
    const dialog = await a.openSettings()
    expect(await options(dialog, 'Microphone')).not.toContain('Fake Audio Input 2')
    await hotplug(a.page, 'plug', 'Fake Audio Input 2')
    await expect.poll(() => options(dialog, 'Microphone')).toContain('Fake Audio Input 2')
    await dialog.getByRole('combobox', { name: 'Microphone' }).selectOption({ label: 'Fake Audio Input 2' })
    await a.closeSettings(dialog)
    await expect.poll(() => liveLabels(a.page, 'audio')).toEqual(['Fake Audio Input 2'])

    await hotplug(a.page, 'unplug', 'Fake Audio Input 2')
    await a.page.getByRole('status').getByText('Your microphone Fake Audio Input 2 was unplugged; using Fake Default Audio Input now').waitFor()
    await expect.poll(() => liveLabels(a.page, 'audio')).toEqual(['Fake Default Audio Input'])
    await microphone(a, 'Meeting room', 'on').waitFor()
    const after = await a.openSettings()
    expect(await chosen(after, 'Microphone')).toBe('Fake Default Audio Input')
    expect(await options(after, 'Microphone')).not.toContain('Fake Audio Input 2')
    await a.closeSettings(after)

    // Plugged in again, the microphone Ana chose is used again.
    await hotplug(a.page, 'plug', 'Fake Audio Input 2')
    await expect.poll(() => liveLabels(a.page, 'audio')).toEqual(['Fake Audio Input 2'])
  }, 90_000)
})
