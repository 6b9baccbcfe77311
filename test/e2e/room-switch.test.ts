/**
 * Switching rooms keeps the member's camera and microphone: walking Meeting room → Lounge →
 * Meeting room → Lounge → Meeting room acquires each device once (counted at getUserMedia,
 * whoever calls it), although a lounge starts with the camera off; the camera keeps one live
 * track, and the people in the room see the same camera again. The member's own "camera off"
 * stops the device; on again acquires it once.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { countMedia, mediaCounts } from '../support/media-count.ts'
import { officeSuite } from '../support/office-suite.ts'
import { videoFlowing } from '../support/video-flowing.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

describe('room switches', () => {
  const suite = officeSuite()

  it('the camera is acquired once across 3 room switches, and off stops it', async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
    const open = async (account: Account, counted: boolean) => {
      const { office } = await suite.open(undefined, counted ? { beforeLoad: countMedia } : {})
      await office.signIn(account)
      return office
    }
    const a = await open(ana, true)
    const b = await open(bo, false)
    await b.walkInto('Meeting room')
    await b.stage('Meeting room').getByText('Connected').waitFor()

    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await videoFlowing(b.page, ana.name)

    for (const room of ['Lounge', 'Meeting room', 'Lounge', 'Meeting room']) {
      await a.walkInto(room)
      await a.stage(room).getByText('Connected').waitFor()
      await a.room(room, room === 'Meeting room' ? 2 : 1).waitFor()
    }
    // Back with Bo: he decodes Ana's camera again, from the same device.
    await videoFlowing(b.page, ana.name)
    expect(await mediaCounts(a.page)).toEqual({ camera: 1, microphone: 1, screen: 0, liveCameras: 1 })

    // Camera off: the device stops (its light goes off). On: acquired once more, and Bo sees it.
    await a.stage('Meeting room').getByRole('button', { name: 'Turn camera off' }).click()
    await a.page.waitForFunction(() => (window as unknown as { __media: { cameras: MediaStreamTrack[] } }).__media.cameras.every((t) => t.readyState === 'ended'))
    await a.stage('Meeting room').getByRole('button', { name: 'Turn camera on' }).click()
    await videoFlowing(b.page, ana.name)
    expect(await mediaCounts(a.page)).toEqual({ camera: 2, microphone: 1, screen: 0, liveCameras: 1 })
  }, 90_000)
})
