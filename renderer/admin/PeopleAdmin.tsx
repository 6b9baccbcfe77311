/**
 * People and invites, for hosts and the owner: the members with role, desk and last seen, and the
 * open invites. A modal dialog: focus moves in on open and back to the opener on close; Escape closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Invite, InviteSummary } from '../../protocol/api.ts'
import { useFloor, useOffice, useSession } from '../app/context.tsx'
import { describeError } from '../ui/errors.ts'
import { InviteForm } from './InviteForm.tsx'
import { InviteList } from './InviteList.tsx'
import { MembersTable } from './MembersTable.tsx'
import { GuestLinks } from './GuestLinks.tsx'
import { createPeopleAdmin } from './people-admin.ts'
import { useInviteChoices } from './useInviteChoices.ts'

export function PeopleAdmin({ onClose }: { onClose(): void }) {
  const office = useOffice()
  const workspaceId = useSession((s) => s.workspace?.id ?? '')
  const me = useSession((s) => s.me)
  const setMe = useSession((s) => s.setMe)
  const setMembers = useFloor((s) => s.setMembers)
  const members = useFloor((s) => s.members)
  const choices = useInviteChoices()
  const roomNames = useMemo(() => new Map(choices.rooms.map((r) => [r.id, r.label])), [choices.rooms])
  const meId = me?.id ?? ''
  const admin = useMemo(() => createPeopleAdmin({ api: office.api(), workspaceId, meId, setMembers, setMe }), [office, workspaceId, meId, setMembers, setMe])

  const dialog = useRef<HTMLDialogElement>(null)
  const region = useRef<HTMLElement>(null)
  const membersHeading = useRef<HTMLHeadingElement>(null)
  const invitesHeading = useRef<HTMLHeadingElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [invites, setInvites] = useState<InviteSummary[] | null>(null)

  const run = useCallback(async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
      return true
    } catch (err) {
      setError(describeError(err))
      return false
    }
  }, [])
  const reloadInvites = useCallback(() => run(async () => setInvites(await admin.invites())), [admin, run])

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.current?.showModal()
    region.current?.focus()
    // Closing gives the keyboard back to whatever opened the view (the browser does this for a
    // dialog closed by Escape, but not when the view is unmounted some other way).
    return () => {
      if (opener?.isConnected && !dialog.current?.contains(document.activeElement)) opener.focus()
    }
  }, [])
  useEffect(() => {
    void run(admin.refreshMembers)
    void reloadInvites()
  }, [admin, run, reloadInvites])

  // Removing or demoting someone revokes the invites they created: the list is read again after.
  const setRole = useCallback(async (id: string, role: Parameters<typeof admin.setRole>[1]) => {
    await admin.setRole(id, role)
    void reloadInvites()
  }, [admin, reloadInvites])
  const remove = useCallback(async (id: string) => {
    await admin.removeMember(id)
    membersHeading.current?.focus()
    void reloadInvites()
  }, [admin, reloadInvites])
  const create = useCallback(async (body: Parameters<typeof admin.createInvite>[0]) => {
    let invite: Invite | null = null
    if (await run(async () => void (invite = await admin.createInvite(body)))) void reloadInvites()
    return invite
  }, [admin, run, reloadInvites])
  const revoke = useCallback(async (invite: InviteSummary) => {
    if (!(await run(() => admin.revokeInvite(invite.id)))) return
    invitesHeading.current?.focus()
    await reloadInvites()
  }, [admin, run, reloadInvites])

  return (
    <dialog ref={dialog} className="dialog people-admin" aria-labelledby="people-admin-title" onClose={onClose} style={{ width: 'min(64rem, 95vw)', maxHeight: '90vh', overflow: 'auto' }}>
      <section ref={region} aria-label="People and invites" tabIndex={-1}>
        <h2 id="people-admin-title">People and invites</h2>
        {error && <p role="alert" className="form-error">{error}</p>}
        {me && <MembersTable viewer={me} headingRef={membersHeading} run={run} setRole={setRole} remove={remove} />}
        <section aria-labelledby="people-admin-invites">
          <h3 id="people-admin-invites" ref={invitesHeading} tabIndex={-1}>
            Invites
          </h3>
          <InviteForm roles={choices.roles} rooms={choices.rooms} create={create} />
          <InviteList invites={invites} members={members} rooms={roomNames} revoke={(invite) => void revoke(invite)} />
        </section>
        <GuestLinks />
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </section>
    </dialog>
  )
}
