/// <reference lib="dom" />
/**
 * The host's floor editor against the real server and livekit-server: mouse and keyboard edits seen
 * live by a member, undo and redo back to exactly the server's floor, two hosts at once (one batch
 * rebased, one conflict named), a private draft that survives a reload, an occupied room deleted
 * under its people, and a member who can neither see nor use any of it.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { until } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { drawnBox, drawsFloor, FloorEditor } from './pages/floor-editor.ts'
import type { Account } from './pages/office-page.ts'

const person = (name: string, n: number): Account => ({ name, email: `${name.split(' ')[0]!.toLowerCase()}${n}@example.com`, password: 'correct horse 1' })

describe('the floor editor', () => {
  const suite = officeSuite()
  let n = 0

  /** A workspace owned by Ana, with Bo (member) and, when asked, Cy (host). */
  const office = async (withHost = false) => {
    n++
    const http = suite.http()
    const ana = person('Ana Silva', n)
    const bo = person('Bo Lee', n)
    const cy = person('Cy Young', n)
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const join = async (who: Account, role: 'member' | 'host') => {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role }, owner.session.token)
      return (await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)).body
    }
    const member = await join(bo, 'member')
    const host = withHost ? await join(cy, 'host') : null
    const ws = owner.workspace.id
    const serverFloor = async () => (await http.get<Floor>(`/api/workspaces/${ws}/floors/floor_main`, owner.session.token)).body
    return { http, ana, bo, cy, owner, member, host, ws, serverFloor }
  }
  const signIn = async (who: Account) => {
    const { office: page } = await suite.open()
    await page.signIn(who)
    return page
  }
  const sameContent = (a: Floor, b: Floor) => {
    const sorted = (f: Floor) => ({ ...f, version: 0, rooms: [...f.rooms].sort((x, y) => x.id.localeCompare(y.id)), desks: [...f.desks].sort((x, y) => x.id.localeCompare(y.id)) })
    expect(sorted(a)).toEqual(sorted(b))
  }

  it('edits by mouse and by keyboard, each seen live by a member; undo and redo return exactly to the server floor', async () => {
    const o = await office()
    const host = await signIn(o.ana)
    const member = await signIn(o.bo)
    const editor = new FloorEditor(host)
    const original = await o.serverFloor()
    await expect(host.page.getByRole('button', { name: 'Edit floor' }).getAttribute('aria-pressed')).resolves.toBe('false')
    await editor.open()
    await expect(editor.toggle().getAttribute('aria-pressed')).resolves.toBe('true')

    // Mouse: drag desk 5 to the right; the member sees it where the server has it.
    const before5 = await drawnBox(member.desk('5'))
    await editor.dragBy(host.desk('5'), 80, 0)
    await until(async () => (await o.serverFloor()).version === original.version + 1, 'the drag to be saved')
    const moved = (await o.serverFloor()).desks.find((d) => d.id === 'desk_5')!
    expect(moved.x).toBeGreaterThan(before5.left + 24)
    await member.page.waitForFunction((x) => parseFloat((document.querySelector('[data-roving="desk_5"]') as HTMLElement).style.marginLeft) === x, moved.x - 24)

    // Mouse: select the meeting room and resize it by its bottom-right handle.
    await editor.dragBy(host.room('Meeting room'), 0, 0, { x: 12, y: 40 })
    await host.page.getByRole('button', { name: /^Room Meeting room, .*, selected$/ }).waitFor()
    await editor.dragBy(editor.handle('se'), 40, 30, { x: 5, y: 5 })
    await until(async () => (await o.serverFloor()).version === original.version + 2, 'the resize to be saved')
    const resized = (await o.serverFloor()).rooms.find((r) => r.id === 'room_meeting')!
    expect(resized.width).toBeGreaterThan(original.rooms.find((r) => r.id === 'room_meeting')!.width)
    await member.page.waitForFunction((w) => parseFloat((document.querySelector('[data-roving="room_meeting"]') as HTMLElement).style.width) === w, resized.width)

    // Keyboard: select desk 6 with Enter, move it right one grid unit and down ten.
    const desk6 = original.desks.find((d) => d.id === 'desk_6')!
    await editor.selectByKeyboard(host.desk('6'))
    await host.page.getByRole('button', { name: /^Desk 6(, .*)?, selected$/ }).waitFor()
    await host.page.keyboard.press('ArrowRight')
    await until(async () => (await o.serverFloor()).version === original.version + 3, 'the first key move')
    await host.page.keyboard.press('Shift+ArrowUp')
    await until(async () => (await o.serverFloor()).version === original.version + 4, 'the second key move')
    const keyed = (await o.serverFloor()).desks.find((d) => d.id === 'desk_6')!
    expect({ x: keyed.x, y: keyed.y }).toEqual({ x: desk6.x + 10, y: desk6.y - 100 })
    await member.page.waitForFunction(([x, y]) => {
      const el = document.querySelector('[data-roving="desk_6"]') as HTMLElement
      return parseFloat(el.style.marginLeft) === x && parseFloat(el.style.marginTop) === y
    }, [keyed.x - 24, keyed.y - 24] as const)

    // Keyboard: resize the meeting room (Alt+arrows), and add a desk from the palette.
    await editor.selectByKeyboard(host.room('Meeting room'))
    await host.page.keyboard.press('Alt+ArrowRight')
    await until(async () => (await o.serverFloor()).version === original.version + 5, 'the key resize')
    expect((await o.serverFloor()).rooms.find((r) => r.id === 'room_meeting')!.width).toBe(resized.width + 10)
    await host.page.getByRole('group', { name: 'Add to floor' }).getByRole('button', { name: 'Add desk', exact: true }).focus()
    await host.page.keyboard.press('Enter')
    await until(async () => (await o.serverFloor()).desks.length === original.desks.length + 1, 'the added desk')
    await member.page.waitForFunction((n) => document.querySelectorAll('[aria-label="Desks"] [data-roving]').length === n, original.desks.length + 1)

    // Undo all six gestures: the server holds exactly the original floor, and the host's view with
    // it; redo all six: the edited one.
    const edited = await o.serverFloor()
    const steps = edited.version - original.version
    expect(steps).toBe(6)
    for (let i = 0; i < steps; i++) {
      await editor.button('Undo').click()
      await until(async () => (await o.serverFloor()).version === edited.version + i + 1, `undo ${i + 1}`)
    }
    sameContent(await o.serverFloor(), original)
    await until(async () => drawsFloor(host.page, await o.serverFloor()), "the host's view to match the server's floor")
    await expect(editor.button('Undo').isDisabled()).resolves.toBe(true)
    for (let i = 0; i < steps; i++) {
      await (i % 2 ? editor.button('Redo').click() : host.page.keyboard.press('Control+Shift+Z'))
      await until(async () => (await o.serverFloor()).version === edited.version + steps + i + 1, `redo ${i + 1}`)
    }
    sameContent(await o.serverFloor(), edited)
    await until(async () => drawsFloor(host.page, await o.serverFloor()), "the host's view to match the server's floor after redo")
    await until(async () => drawsFloor(member.page, await o.serverFloor()), "the member's view to match it too")
    await member.page.waitForFunction((x) => parseFloat((document.querySelector('[data-roving="desk_5"]') as HTMLElement).style.marginLeft) === x, moved.x - 24)
  })

  it('rebases a stale batch from a second host, and names the object when both moved the same desk', async () => {
    const o = await office(true)
    const ana = new FloorEditor(await signIn(o.ana))
    const cy = new FloorEditor(await signIn(o.cy))
    await ana.open()
    await cy.open()

    // Cy's edits are held on the way to the server until Ana's have landed.
    let release = () => {}
    let held = new Promise<void>((resolve) => (release = resolve))
    await cy.page.route('**/floors/*/edits', async (route) => {
      await held
      await route.continue()
    })

    // Different desks: Cy's batch is stale (409) and rebased on Ana's.
    const start = await o.serverFloor()
    await cy.selectByKeyboard(cy.office.desk('7'))
    const cyRequest = cy.page.waitForRequest('**/floors/*/edits')
    await cy.page.keyboard.press('ArrowDown')
    await cyRequest
    await ana.selectByKeyboard(ana.office.desk('8'))
    await ana.page.keyboard.press('ArrowDown')
    await until(async () => (await o.serverFloor()).version === start.version + 1, "Ana's move")
    release()
    await until(async () => (await o.serverFloor()).version === start.version + 2, "Cy's rebased move")
    const both = await o.serverFloor()
    expect(both.desks.find((d) => d.id === 'desk_7')!.y).toBe(start.desks.find((d) => d.id === 'desk_7')!.y + 10)
    expect(both.desks.find((d) => d.id === 'desk_8')!.y).toBe(start.desks.find((d) => d.id === 'desk_8')!.y + 10)
    await expect(cy.alert().count()).resolves.toBe(0)

    // The same desk: Cy is told which object changed under them, and Ana's change stands.
    held = new Promise<void>((resolve) => (release = resolve))
    await cy.selectByKeyboard(cy.office.desk('9'))
    const second = cy.page.waitForRequest('**/floors/*/edits')
    await cy.page.keyboard.press('ArrowRight')
    await second
    await ana.selectByKeyboard(ana.office.desk('9'))
    await ana.page.keyboard.press('ArrowLeft')
    await until(async () => (await o.serverFloor()).version === both.version + 1, "Ana's move of desk 9")
    release()
    await cy.alert().filter({ hasText: /Desk “9” was moved by someone else/ }).waitFor()
    const after = await o.serverFloor()
    expect(after.version).toBe(both.version + 1)
    expect(after.desks.find((d) => d.id === 'desk_9')!.x).toBe(both.desks.find((d) => d.id === 'desk_9')!.x - 10)
  })

  it('an undo pressed while a gesture is still on its way undoes that gesture', async () => {
    const o = await office()
    const editor = new FloorEditor(await signIn(o.ana))
    await editor.open()
    const start = await o.serverFloor()
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await editor.page.route('**/floors/*/edits', async (route) => {
      await held
      await route.continue()
    })
    await editor.selectByKeyboard(editor.office.desk('11'))
    const sent = editor.page.waitForRequest('**/floors/*/edits')
    await editor.page.keyboard.press('ArrowDown')
    await sent
    await editor.page.keyboard.press('Control+z')
    release()
    await until(async () => (await o.serverFloor()).version === start.version + 2, 'the move and its undo')
    sameContent(await o.serverFloor(), start)
    await expect(editor.alert().count()).resolves.toBe(0)
    await expect(editor.button('Redo').isDisabled()).resolves.toBe(false)
  })

  it('keeps a draft private until it is published, across a reload', async () => {
    const o = await office()
    const host = await signIn(o.ana)
    const member = await signIn(o.bo)
    const editor = new FloorEditor(host)
    await editor.open()
    const start = await o.serverFloor()
    await editor.button('Start draft').click()
    await editor.selectByKeyboard(host.desk('10'))
    await host.page.keyboard.press('Shift+ArrowUp')
    await host.page.getByText('Draft: 1 change, only you see it').waitFor()

    // Nobody else sees it: not the floor on the server, not the member (who may not even ask for it).
    expect((await o.serverFloor()).version).toBe(start.version)
    const asMember = await o.http.get(`/api/workspaces/${o.ws}/floors/floor_main/draft`, o.member.session.token)
    expect(asMember.status).toBe(403)
    const desk10 = start.desks.find((d) => d.id === 'desk_10')!
    expect((await drawnBox(member.desk('10'))).top).toBe(desk10.y - 24)

    // A reload keeps it.
    await host.page.reload()
    await host.floor().waitFor()
    await editor.open()
    await host.page.getByText('Draft: 1 change, only you see it').waitFor()
    await host.page.waitForFunction((y) => parseFloat((document.querySelector('[data-roving="desk_10"]') as HTMLElement).style.marginTop) === y, desk10.y - 124)

    // Publish: one batch, and the member sees it.
    await editor.button('Publish').click()
    await until(async () => (await o.serverFloor()).version === start.version + 1, 'the draft to be published')
    await member.page.waitForFunction((y) => parseFloat((document.querySelector('[data-roving="desk_10"]') as HTMLElement).style.marginTop) === y, desk10.y - 124)
    await editor.button('Start draft').waitFor()
  })

  it('moves people out of a room that is deleted and ends their call', async () => {
    const o = await office()
    const host = await signIn(o.ana)
    const member = await signIn(o.bo)
    await member.walkInto('Lounge')
    await member.stage('Lounge').getByText('Connected').waitFor()
    await host.room('Lounge', 1).waitFor()

    const editor = new FloorEditor(host)
    await editor.open()
    await editor.selectByKeyboard(host.room('Lounge'))
    await host.page.keyboard.press('Delete')
    await member.stage('Lounge').waitFor({ state: 'detached' })
    // Whichever reaches the member first, the edit or LiveKit showing them out, they are told why.
    await member.page.getByText(/Lounge was removed by a host; you left its call|You left the call in Lounge: a host changed the room/).waitFor()
    await until(async () => !(await o.http.get<{ rooms: Record<string, string[]> }>(`/api/workspaces/${o.ws}/occupancy`, o.owner.session.token)).body.rooms.room_lounge, 'the server to see the lounge empty')
    await member.desk('2', `${o.bo.name}, available`).waitFor()
  })

  it('shows a member no editing controls, and the server refuses a crafted edit', async () => {
    const o = await office()
    const member = await signIn(o.bo)
    await member.desk('2', `${o.bo.name}, available`).waitFor()
    await expect(member.page.getByRole('button', { name: 'Edit floor' }).count()).resolves.toBe(0)
    await expect(member.page.getByRole('button', { name: 'People and invites' }).count()).resolves.toBe(0)
    await expect(member.page.getByRole('button', { name: 'Manage' }).count()).resolves.toBe(0)
    const crafted = await o.http.post(`/api/workspaces/${o.ws}/floors/floor_main/edits`, { baseVersion: 0, ops: [{ op: 'desk.remove', id: 'desk_3' }] }, o.member.session.token)
    expect(crafted.status).toBe(403)
  })
})
