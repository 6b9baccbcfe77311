/**
 * The editor does not offer what the server refuses: a host selecting someone else's private office
 * finds its kind, owner and allowed members disabled, with the reason beside them, while the rest
 * of its properties stay editable; the workspace owner can change them, and the host sees it live.
 * An office's owner who is a plain member (no editor) chooses who may enter from inside the office.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { addMember, createWorkspace, editFloor, MEMBER_PASSWORD, OWNER_PASSWORD } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { EditorPage } from './pages/editor-page.ts'

describe("someone else's private office in the editor", () => {
  const suite = officeSuite()

  const editorOf = async (who: SignedIn) => {
    const { office } = await suite.open()
    await office.signIn({ email: who.member.email!, password: who.member.role === 'owner' ? OWNER_PASSWORD : MEMBER_PASSWORD })
    const editor = new EditorPage(office.page)
    await editor.startEditing()
    await editor.clickOnFloor(editor.room('Private office'))
    await editor.selected('Room Private office selected').waitFor()
    return editor
  }

  it("disables a host's kind, owner and allowed-member controls, saying why; the owner's editor offers them", async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const bo = await addMember(http, owner)

    const hosting = await editorOf(host)
    const panel = hosting.properties()
    const why = panel.getByText(`This is ${owner.member.name}'s private office: only they or a workspace owner can change its kind, owner or allowed members.`)
    await why.waitFor()
    const kind = panel.getByLabel('Kind', { exact: true })
    const ownerPicker = panel.getByLabel('Owner', { exact: true })
    const boAllowed = panel.getByRole('group', { name: 'Allowed members' }).getByRole('checkbox', { name: bo.member.name })
    expect([await kind.isDisabled(), await ownerPicker.isDisabled(), await boAllowed.isDisabled()]).toEqual([true, true, true])
    // Screen readers hear the reason with the control.
    const whyId = await why.getAttribute('id')
    expect(await kind.getAttribute('aria-describedby')).toBe(whyId)
    expect(await panel.getByRole('group', { name: 'Allowed members' }).getAttribute('aria-describedby')).toBe(whyId)
    // Laying out the room stays the host's to do.
    expect([await panel.getByLabel('Name', { exact: true }).isDisabled(), await panel.getByRole('checkbox', { name: 'Locked' }).isDisabled()]).toEqual([false, false])

    const owning = await editorOf(owner)
    const ownersPanel = owning.properties()
    expect(await ownersPanel.getByLabel('Kind', { exact: true }).isDisabled()).toBe(false)
    expect(await ownersPanel.getByText(/only they or a workspace owner can change/).count()).toBe(0)
    await ownersPanel.getByRole('group', { name: 'Allowed members' }).getByRole('checkbox', { name: bo.member.name }).check()
    // The host sees Bo let in, and still cannot undo it from the panel.
    await hosting.page.waitForFunction((el) => (el as HTMLInputElement | null)?.checked === true, await boAllowed.elementHandle())
    expect(await boAllowed.isDisabled()).toBe(true)
  })

  it('its owner, a plain member, lets someone in from inside the office, and they walk in without knocking', async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    const [bo, cy] = [await addMember(http, owner), await addMember(http, owner)]
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_private', changes: { ownerId: cy.member.id } }])
    const open = async (who: typeof bo) => {
      const { office } = await suite.open()
      await office.signIn({ email: who.member.email!, password: MEMBER_PASSWORD })
      return office
    }
    const [cys, bos] = [await open(cy), await open(bo)]
    await cys.walkInto('Private office')
    const stage = cys.stage('Private office')
    await stage.getByText('Connected').waitFor()
    await stage.getByText('Who may enter', { exact: true }).click()
    await stage.getByRole('group', { name: 'Who may enter Private office' }).getByRole('checkbox', { name: bo.member.name }).check()

    // Bo sees the door open for him: he walks straight in.
    await bos.walkInto('Private office')
    await bos.stage('Private office').getByText('Connected').waitFor()
    expect(await bos.page.getByRole('region', { name: 'Door of Private office' }).count()).toBe(0)
  })
})
