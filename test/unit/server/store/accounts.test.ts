/**
 * Accounts on both stores (a real SQLite file, a real PostgreSQL database): one account per email
 * whatever its case, found by it in any case, and changed only where asked.
 */
import { describe, expect, it } from 'vitest'
import type { NewMember } from '../../../../server/store/store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

/** Someone new signing up with `email`. */
const signingUp = (email: string): NewMember => {
  const m = newMember()
  return { ...m, account: { id: `acc_${m.memberId}`, email, name: m.memberId, passwordHash: 'not-a-real-hash', colour: '#1971c2' } }
}

describe.each(kinds)('$name store', (kind) => {
  describe('accounts', () => {
    it('are found by their email in any case, and a second account for it in another case is refused', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      const ana = signingUp('Ana.Lopez@Example.com')
      await store.createInvite('c_ana', inviteRecord(ws))
      expect(await store.acceptInvite('c_ana', ana, 2)).toBe('ok')

      expect(await store.findAccountByEmail('ana.lopez@example.com')).toMatchObject({ id: `acc_${ana.memberId}`, email: 'Ana.Lopez@Example.com' })
      expect(await store.findAccountByEmail('ANA.LOPEZ@EXAMPLE.COM')).toMatchObject({ id: `acc_${ana.memberId}` })
      expect(await store.findAccountByEmail('bo@example.com')).toBeNull()

      await store.createInvite('c_impostor', inviteRecord(ws))
      expect(await store.acceptInvite('c_impostor', signingUp('ana.lopez@EXAMPLE.com'), 3)).toBe('email-taken')
      expect((await store.getInvite('c_impostor'))?.usedAt).toBeNull()
      expect(await store.listMembers(ws)).toHaveLength(2)
    })

    it('two instances signing up one email at once through two invites make one account, refusing the other', async () => {
      const place = await kind.place()
      const [a, b] = [await kind.open(place), await kind.open(place)]
      const { workspaceId: ws } = await seedWorkspace(a)
      await seedWorkspace(a, 'ws_other')
      await a.createInvite('c_here', inviteRecord(ws))
      await a.createInvite('c_there', inviteRecord('ws_other'))
      // Both connected already, so that neither starts late.
      expect(await b.getInvite('c_there')).not.toBeNull()
      const answers = await Promise.all([a.acceptInvite('c_here', signingUp('cy@example.com'), 2), b.acceptInvite('c_there', signingUp('CY@example.com'), 2)])
      expect(answers.sort()).toEqual(['email-taken', 'ok'])
      expect((await a.listMembers(ws)).length + (await a.listMembers('ws_other')).length).toBe(3)
    })

    it('change only the fields given', async () => {
      const store = await kind.open()
      await seedWorkspace(store)
      const owner = 'mem_owner_ws_acme@example.com'
      const before = (await store.findAccountByEmail(owner))!
      await store.updateAccount(before.id, { name: 'Renamed' })
      expect(await store.findAccountByEmail(owner)).toEqual({ ...before, name: 'Renamed' })
      await store.updateAccount(before.id, { colour: '#2f9e44', passwordHash: 'new-hash' })
      expect(await store.findAccountByEmail(owner)).toEqual({ ...before, name: 'Renamed', colour: '#2f9e44', passwordHash: 'new-hash' })
      await store.updateAccount(before.id, {})
      expect(await store.findAccountByEmail(owner)).toEqual({ ...before, name: 'Renamed', colour: '#2f9e44', passwordHash: 'new-hash' })
    })
  })
})
