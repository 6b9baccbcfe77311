/**
 * Messaging in Chromium (issue 12), two or three members at once: a channel message and a DM
 * arrive live; a mention notifies and the unread counts are right; a thread reply shows in its
 * thread; edits, deletions and reactions are seen live; search finds a message; a script tag in
 * Markdown stays text; a message written offline is sent on reconnect, and one that arrives while
 * the app catches up after a drop stays counted. Everything through the Chat region, by role and name.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { cuttableNetwork, type NetworkCut } from '../support/network-cut.ts'
import { team } from '../support/factories.ts'
import { holdRequests } from '../support/held-request.ts'
import { officeSuite } from '../support/office-suite.ts'
import { ChatPage } from './pages/chat-page.ts'
import { OfficePage, type Account } from './pages/office-page.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'tractor beam 33' }

describe('chat', () => {
  const suite = officeSuite()
  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    const chat = new ChatPage(office.page)
    await chat.show()
    return chat
  }

  beforeAll(async () => {
    await team(suite.http(), ana, [bo, cy])
  })

  it('delivers a channel message and a DM live', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.open('#general')
    await b.open('#general')

    await a.send('Hello from **Ana**')
    await b.message('Hello from Ana').waitFor()
    expect(await b.message('Hello from Ana').locator('strong').textContent()).toBe('Ana')
    // Enter sent it; Shift+Enter is a new line in the same message.
    await a.messageBox().fill('first line')
    await a.messageBox().press('Shift+Enter')
    await a.messageBox().pressSequentially('second line')
    await a.messageBox().press('Enter')
    await b.message('first linesecond line').waitFor()
    await expect.poll(() => a.messageBox().inputValue()).toBe('')

    // Bo writes to Ana alone: a DM, which Ana sees arrive unread and then reads.
    await b.region().getByRole('button', { name: 'New message' }).click()
    const dialog = b.page.getByRole('dialog', { name: 'New message' })
    await dialog.getByRole('checkbox', { name: ana.name }).check()
    await dialog.getByRole('button', { name: 'Open conversation' }).click()
    await b.view(ana.name).waitFor()
    await b.send('Just between us')
    await a.conversation(bo.name, '1 unread').waitFor()
    await a.open(bo.name)
    await a.message('Just between us').waitFor()
    await a.conversation(bo.name, '').waitFor()
  })

  it('notifies a mention (not in do not disturb) and counts unread messages and mentions', async () => {
    const a = await signIn(ana)
    const { app, office } = await suite.openDesktop()
    await office.signIn(bo)
    const b = new ChatPage(office.page)
    await b.show()
    await a.open('#general')
    await b.conversation('#general').waitFor()
    // Bo looks at nothing: what arrives in #general is unread.
    await a.send('Morning, all')
    await a.send('@Bo Lee can you review the plan?')
    await b.conversation('#general', '2 unread, 1 mention').waitFor()
    await b.page.getByRole('button', { name: 'Chat, 2 unread', exact: true }).waitFor()
    await expect.poll(() => app.notifications.map((n) => n.title)).toEqual([`${ana.name} mentioned you in #general`])
    // Reading it clears the counts, here and in the top bar.
    await b.open('#general')
    await b.message('can you review the plan?').locator('.mention-me').waitFor()
    await b.conversation('#general', '').waitFor()
    await b.page.getByRole('button', { name: 'Chat', exact: true }).waitFor()

    // In do not disturb a mention still counts, but does not notify.
    await office.setStatus('dnd', '')
    // Bo looks at another conversation, so #general's new message is unread.
    await b.open('Meeting room')
    await a.send('@Bo Lee one more thing')
    await b.conversation('#general', '1 unread, 1 mention').waitFor()
    // One more host call from the page: any notification asked for before it has arrived by now.
    await b.page.evaluate(() => (globalThis as unknown as { office: { invoke(c: string, k: string): Promise<unknown> } }).office.invoke('settings:get', 'stars'))
    expect(app.notifications).toHaveLength(1)
  })

  it('shows a thread reply in its thread, live', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.open('#general')
    await b.open('#general')
    await a.send('Lunch plans?')
    await b.message('Lunch plans?').waitFor()
    await b.act(b.message('Lunch plans?'), 'Reply in thread')
    await b.thread().waitFor()
    await b.thread().getByRole('textbox', { name: 'Reply in thread' }).fill('Pizza at noon')
    await b.thread().getByRole('textbox', { name: 'Reply in thread' }).press('Enter')
    await b.thread().getByRole('list', { name: 'Replies' }).getByText('Pizza at noon').waitFor()
    // Ana sees the count on the message, opens the thread, and finds the reply there (not in the channel).
    await a.message('Lunch plans?').getByRole('button', { name: '1 reply' }).click()
    await a.thread().getByRole('list', { name: 'Replies' }).getByText('Pizza at noon').waitFor()
    expect(await a.messages().getByText('Pizza at noon').count()).toBe(0)
  })

  it('shows edits, deletions and reactions live', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.open('#general')
    await b.open('#general')
    await a.send('The meeting is on Tusday')
    await b.message('The meeting is on Tusday').waitFor()

    await a.act(a.message('The meeting is on Tusday'), 'Edit message')
    const edit = a.region().getByRole('textbox', { name: 'Edit message' })
    await edit.fill('The meeting is on Tuesday')
    await edit.press('Enter')
    await b.message('The meeting is on Tuesday').filter({ hasText: '(edited)' }).waitFor()

    await b.act(b.message('The meeting is on Tuesday'), 'Add reaction')
    await b.region().getByRole('button', { name: 'React with 👍' }).click()
    await a.message('The meeting is on Tuesday').getByRole('button', { name: `👍 1: ${bo.name}` }).waitFor()

    // Bo cannot edit or delete Ana's message; Ana deletes it, and Bo sees it go.
    await b.message('The meeting is on Tuesday').hover()
    expect(await b.message('The meeting is on Tuesday').getByRole('button', { name: 'Delete message' }).count()).toBe(0)
    await a.act(a.message('The meeting is on Tuesday'), 'Delete message')
    await a.region().getByRole('group', { name: 'Delete this message?' }).getByRole('button', { name: 'Delete' }).click()
    await b.message('This message was deleted.').waitFor()
    expect(await b.messages().getByText('The meeting is on Tuesday').count()).toBe(0)
  })

  it('finds a message by search and opens it', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.open('#general')
    await a.send('The quarterly zebra report is ready')
    await a.message('zebra report').locator('.where').filter({ hasText: 'Sending…' }).waitFor({ state: 'detached' })
    await b.region().getByRole('searchbox', { name: 'Search messages' }).fill('zebra')
    await b.region().getByRole('searchbox', { name: 'Search messages' }).press('Enter')
    const results = b.region().getByRole('region', { name: 'Search results' })
    await results.getByText('The quarterly zebra report is ready').waitFor()
    await results.getByRole('button', { name: 'Open in #general' }).click()
    await b.message('The quarterly zebra report is ready').waitFor()
  })

  it('renders Markdown with a script tag inert', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.open('#general')
    await b.open('#general')
    await a.send('<script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> [click me](javascript:window.pwned=3) **safe**')
    const shown = b.message('<script>window.pwned = 1</script>')
    await shown.waitFor()
    expect(await shown.locator('strong').textContent()).toBe('safe')
    expect(await shown.locator('script, img, a').count()).toBe(0)
    expect(await shown.getByText('[click me](javascript:window.pwned=3)').count()).toBe(1)
    await shown.getByText('[click me]', { exact: false }).click()
    expect(await b.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
  })
  it('queues a message written offline and sends it on reconnect', async () => {
    const a = await signIn(ana)
    let network: NetworkCut | null = null
    const { office } = await suite.open(undefined, { beforeLoad: async (context: BrowserContext) => void (network = await cuttableNetwork(context)) })
    await office.signIn(bo)
    const b = new ChatPage(office.page)
    await b.show()
    await a.open('#general')
    await b.open('#general')

    await network!.cut()
    await office.offlineBar().waitFor()
    await b.send('Written on the train')
    // Shown at once, as waiting to be sent; it reaches nobody while the network is down.
    await b.message('Written on the train').getByText('Sending…').waitFor()
    await network!.restore()
    await a.message('Written on the train').waitFor()
    await b.message('Written on the train').getByText('Sending…').waitFor({ state: 'detached' })
    expect(await a.messages().getByText('Written on the train').count()).toBe(1)
  })
  it('counts a message that arrives while the app catches up after a drop: the list it asked for before does not take it back', async () => {
    const b = await signIn(bo)
    let network: NetworkCut | null = null
    const { office } = await suite.open(undefined, { beforeLoad: async (context: BrowserContext) => void (network = await cuttableNetwork(context)) })
    await office.signIn(ana)
    const a = new ChatPage(office.page)
    await a.show()
    await a.conversation('#general', '').waitFor()
    await b.open('#general')

    await network!.cut()
    await office.offlineBar().waitFor()
    // Back online, Ana's app catches up; the conversation list it asks for is held back until a
    // message Bo posts meanwhile has reached her live.
    const list = await holdRequests(office.page, /\/conversations$/)
    await network!.restore()
    await list.asked
    await b.send('Back on the train')
    await a.conversation('#general', '1 unread').waitFor()
    await list.release()

    // The list applied, the next message counts on top of both.
    await b.send('Tunnel ahead')
    await a.conversation('#general', '2 unread').waitFor()
  })
  it('is usable by keyboard (Alt+Up/Down, Ctrl+K) and has no serious axe violations, light or dark', async () => {
    const a = await signIn(ana)
    const page = a.page
    await a.open('#general')
    await a.send('Checking the **contrast** of @Bo Lee and `code`')
    await a.message('Checking the contrast').getByText('Sending…').waitFor({ state: 'detached' })
    // Alt+Down and Alt+Up move through the list, from anywhere (here: the Message box).
    await a.messageBox().focus()
    await page.keyboard.press('Alt+ArrowDown')
    await a.conversations().getByRole('button', { name: /^Lounge/ }).and(page.locator('[aria-current="true"]')).waitFor()
    await a.view('Lounge').waitFor()
    await page.keyboard.press('Alt+ArrowUp')
    await a.view('#general').waitFor()
    await page.keyboard.press('Alt+ArrowDown')
    await a.view('Lounge').waitFor()

    // Ctrl+K finds conversations too.
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Find people, rooms and conversations' })
    await palette.getByRole('searchbox').fill('gener')
    await palette.getByRole('button', { name: 'Open #general' }).click()
    await a.view('#general').waitFor()

    await page.evaluate(axeSource)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      // The theme follows the system here: wait until the page draws with that scheme's tokens.
      await page.waitForFunction((dark) => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() === (dark ? '#16181d' : '#f6f7f9'), scheme === 'dark')
      await a.message('Checking the contrast').hover()
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe
        const result = await axe.run({ include: [['[aria-label="Chat"][role="region"]']] }, { resultTypes: ['violations'] })
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target) }))
      })
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious, `${scheme}: ${JSON.stringify(serious, null, 2)}`).toEqual([])
    }
  })
  it('a private channel: made by a host, read only by its people, and people added later read it', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.region().getByRole('button', { name: 'New channel' }).click()
    const made = a.page.getByRole('dialog', { name: 'New channel' })
    await made.getByRole('textbox', { name: 'Channel name' }).fill('launch')
    await made.getByRole('checkbox', { name: /^Private/ }).check()
    await made.getByRole('button', { name: 'Create channel' }).click()
    await a.view('#launch').waitFor()
    await a.send('Launch is on Tuesday')
    await a.message('Launch is on Tuesday').waitFor()
    // Bo is not in it: it is not in his list. Something said in #general after it reaches him
    // first, so a notice of #launch would have reached him too.
    await a.open('#general')
    await a.send('Lunch at noon')
    await b.open('#general')
    await b.message('Lunch at noon').waitFor()
    expect(await b.conversation('#launch').count()).toBe(0)
    await a.open('#launch')

    // Ana adds Bo: the channel, with what was said before, reaches him live.
    await a.view('#launch').getByRole('button', { name: 'Add people' }).click()
    const add = a.page.getByRole('dialog', { name: 'Add people to #launch' })
    expect(await add.getByRole('checkbox', { name: ana.name }).count()).toBe(0)
    await add.getByRole('checkbox', { name: bo.name }).check()
    await add.getByRole('button', { name: 'Add', exact: true }).click()
    await add.waitFor({ state: 'detached' })
    await b.open('#launch')
    await b.message('Launch is on Tuesday').waitFor()
  })

  it('sends an image shown inline and a file to download', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.open('#general')
    await b.open('#general')
    const image = new PNG({ width: 40, height: 20 })
    image.data.fill(200)
    const [chooser] = await Promise.all([a.page.waitForEvent('filechooser'), a.region().getByRole('button', { name: 'Attach a file' }).click()])
    await chooser.setFiles([
      { name: 'plan.png', mimeType: 'image/png', buffer: PNG.sync.write(image) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello notes') },
    ])
    const files = a.region().getByRole('list', { name: 'Files to send' })
    await files.getByText('notes.txt').waitFor()
    await a.send('Two files')

    const shown = b.message('Two files')
    const img = shown.getByRole('img', { name: 'plan.png', exact: true })
    await img.waitFor()
    // Sized from the server's width and height, and drawn from the bytes fetched with the session.
    expect(await img.evaluate((el: HTMLImageElement) => [el.width, el.height])).toEqual([40, 20])
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(40)
    await shown.getByRole('button', { name: 'Download notes.txt, 11 B' }).waitFor()
  })

  it('has the room chat in the call panel, readable by others from the list', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await new OfficePage(a.page).walkInto('Meeting room')
    const call = a.page.getByRole('region', { name: 'Call in Meeting room' })
    await call.getByRole('button', { name: 'Room chat' }).click()
    const roomChat = call.getByRole('region', { name: 'Chat in Meeting room' })
    await roomChat.getByRole('textbox', { name: 'Message' }).fill('Whiteboard notes are in the room chat')
    await roomChat.getByRole('textbox', { name: 'Message' }).press('Enter')
    await roomChat.getByText('Whiteboard notes are in the room chat').waitFor()
    // Bo is not in the room: he reads it from the Conversations list.
    await b.conversation('Meeting room', '1 unread').waitFor()
    await b.open('Meeting room')
    await b.message('Whiteboard notes are in the room chat').waitFor()
  })
})
