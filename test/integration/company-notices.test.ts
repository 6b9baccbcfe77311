/**
 * Live company notices (issue 13) through the real livekit-server: a company made, someone put in
 * it, someone taken out, and the company removed reach members' lobby connections as server-sent
 * data carrying the company itself, which the renderer's reader accepts; guests hear none of it.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { topics } from '../../protocol/presence.ts'
import { readCompanyNotice } from '../../renderer/companies/notices.ts'
import { companiesApi } from '../support/companies.ts'
import { addMember, createWorkspace, until } from '../support/factories.ts'
import { useNoticeStack } from '../support/notice-stack.ts'

const notices = useNoticeStack()
const { http } = notices

/** What `who`'s lobby connection hears from the server on the companies topic (null: the reader refused it). */
const listen = (who: SignedIn) => notices.listen(who, topics.companies, readCompanyNotice)

describe('company notices', () => {
  it('carry each change of a company to members, and nothing to guests', async () => {
    const owner = await createWorkspace(http)
    const [ana, guest] = [await addMember(http, owner), await addMember(http, owner, 'guest', ['room_meeting'])]
    const [heardByAna, heardByGuest] = [await listen(ana), await listen(guest)]
    const companies = companiesApi(http)

    const acme = await companies.create(owner, 'Acme')
    expect((await companies.add(owner, acme.id, ana)).status).toBe(200)
    // Ana hears that she is in Acme before she is taken out again.
    await until(async () => heardByAna.some((n) => n?.type === 'company' && n.company.members.includes(ana.member.id)), 'the notice with Ana in Acme')
    expect((await companies.takeOut(owner, acme.id, ana.member.id)).status).toBe(204)
    expect((await companies.call(owner, 'DELETE', `/${acme.id}`)).status).toBe(204)

    // Each notice is the company as it was when it went out (they go in order, each read then), so
    // the last one is the truth: the company made, Ana in it, out again, and then gone.
    await until(async () => heardByAna.at(-1)?.type === 'company-gone', 'the notice that the company is gone')
    expect(heardByAna).not.toContain(null)
    expect(heardByAna.length).toBeLessThanOrEqual(4)
    expect(heardByAna.at(-1)).toEqual({ type: 'company-gone', companyId: acme.id })
    expect(heardByAna[0]).toEqual({ type: 'company', company: expect.objectContaining({ id: acme.id, name: 'Acme', createdAt: acme.createdAt }) })
    expect(heardByGuest).toEqual([])
  })
})
