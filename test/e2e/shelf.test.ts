/**
 * Shelves in Chromium (issue 14), two members: Ana puts a Markdown note and a file on her desk's
 * shelf (its card, then Shelf); Bo sees the desk's mark appear live, opens the same shelf, downloads
 * the file, reads the note (rendered, not as raw Markdown) and comments on it; Ana, who owns the
 * desk, is told at once by an alert, whose Open shows the note with Bo's comment.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

/**
 * Ana's desk (the workspace owner's is Desk 1): its card, then its shelf. Bo right-clicks it; Ana
 * uses the keyboard (Shift+F10 on the desk).
 */
async function openDeskShelf(o: OfficePage, by: 'pointer' | 'keyboard') {
  const desk = o.page.getByRole('button', { name: /^Desk 1, Ana Silva/ })
  // Ana's avatar sits in the middle of her desk: Bo right-clicks its corner.
  if (by === 'pointer') await desk.click({ button: 'right', position: { x: 3, y: 3 } })
  else {
    await desk.focus()
    await o.page.keyboard.press('Shift+F10')
  }
  const card = o.page.getByRole('region', { name: 'About Desk 1' })
  await card.getByRole('button', { name: 'Shelf', exact: true }).click()
  const shelf = o.page.getByRole('dialog', { name: 'Shelf of Desk 1' })
  await shelf.waitFor()
  return { card, shelf }
}

describe('shelves', () => {
  const suite = officeSuite()
  beforeAll(async () => {
    await team(suite.http(), ana, [bo])
  })

  it('a note’s comment tells the desk’s owner live, and Open shows it', async () => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    const b = (await suite.open()).office
    await b.signIn(bo)
    const mark = b.page.locator('.shelf-mark[data-place="desk_1"]')
    expect(await mark.count()).toBe(0)

    const { shelf: anas } = await openDeskShelf(a, 'keyboard')
    await anas.getByLabel('Title').fill('Launch plan')
    await anas.getByLabel('Note (Markdown)').fill('Ship on **Friday**\n\n- slides\n- demo')
    await anas.getByRole('button', { name: 'Add note' }).click()
    await anas.getByRole('button', { name: 'Launch plan' }).waitFor()
    await anas.getByLabel('Upload a file (up to 25 MB)').setInputFiles({ name: 'agenda.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Slides\n2. Demo\n') })
    await anas.getByRole('button', { name: 'agenda.txt' }).waitFor()
    await a.page.keyboard.press('Escape')
    await anas.waitFor({ state: 'detached' })

    // Bo's floor shows the desk's mark, live; its card says so in words.
    await mark.waitFor()
    const { card, shelf } = await openDeskShelf(b, 'pointer')
    expect(await card.getByText('2 items on the shelf').count()).toBe(1)
    // Not Bo's desk: he reads, downloads and comments, and adds nothing.
    await shelf.getByRole('button', { name: 'agenda.txt' }).click()
    const [download] = await Promise.all([b.page.waitForEvent('download'), shelf.getByRole('button', { name: 'Download agenda.txt' }).click()])
    expect(download.suggestedFilename()).toBe('agenda.txt')
    await shelf.getByRole('button', { name: 'All items' }).click()
    await shelf.getByRole('button', { name: 'Launch plan' }).click()
    await shelf.getByRole('heading', { name: 'Launch plan' }).waitFor()
    expect(await shelf.locator('.shelf-note strong').textContent()).toBe('Friday')
    expect(await shelf.getByRole('listitem').filter({ hasText: 'slides' }).count()).toBe(1)
    expect(await shelf.getByRole('button', { name: 'Add note' }).count()).toBe(0)
    await shelf.getByLabel('Comment', { exact: true }).fill('Can I help with the slides?')
    await shelf.getByRole('button', { name: 'Post comment' }).click()
    await shelf.getByRole('listitem', { name: 'Comment by Bo Lee' }).waitFor()

    // Ana is told at once, and Open shows the note with the comment.
    const alert = a.page.getByRole('region', { name: 'Shelf comments' }).getByRole('alert')
    await alert.getByText(/Bo Lee commented on Launch plan/).waitFor()
    expect(await alert.getByText('Can I help with the slides?').count()).toBe(1)
    expect(await b.page.getByRole('region', { name: 'Shelf comments' }).count()).toBe(0)
    await alert.getByRole('button', { name: 'Open' }).click()
    const opened = a.page.getByRole('dialog', { name: 'Shelf of Desk 1' })
    await opened.getByRole('heading', { name: 'Launch plan' }).waitFor()
    await opened.getByRole('listitem', { name: 'Comment by Bo Lee' }).getByText('Can I help with the slides?').waitFor()
    await alert.waitFor({ state: 'detached' })
  })
})
