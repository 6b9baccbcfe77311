/**
 * Stars ("tell me when they are available") are each member's own: two members who take turns on
 * one machine (one browser profile) never see, nor are notified through, each other's.
 */
import { describe, expect, it } from 'vitest'
import { addMember, createWorkspace, MEMBER_PASSWORD } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { DirectoryPage } from './pages/directory-page.ts'

describe('stars on a shared machine', () => {
  const suite = officeSuite()

  it("are kept per member: the next one signed in sees none of the last one's, who gets them back", async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    const [ana, bo, cy] = [(await addMember(http, owner)).member, (await addMember(http, owner)).member, (await addMember(http, owner)).member]
    const { office } = await suite.open()
    const directory = new DirectoryPage(office.page)
    const starOf = async () => {
      await directory.show()
      await directory.person(cy.name).click()
      return directory.profile(cy.name).getByRole('button', { name: /^(Star|Starred)$/ })
    }

    await office.signIn({ email: ana.email!, password: MEMBER_PASSWORD })
    const star = await starOf()
    await star.click()
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true')
    await office.signOut()

    // Bo: Ana's star is not his, and stays not (his stars have loaded once his own are back on).
    await office.signIn({ email: bo.email!, password: MEMBER_PASSWORD })
    const his = await starOf()
    await his.click()
    await expect.poll(() => his.getAttribute('aria-pressed')).toBe('true')
    await his.click()
    await expect.poll(() => his.getAttribute('aria-pressed')).toBe('false')
    await office.signOut()

    // Ana's comes back with her.
    await office.signIn({ email: ana.email!, password: MEMBER_PASSWORD })
    const hers = await starOf()
    await expect.poll(() => hers.getAttribute('aria-pressed')).toBe('true')
  }, 90_000)
})
