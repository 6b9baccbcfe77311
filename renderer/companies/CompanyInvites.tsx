/**
 * A company's invites, for its admins and hosts: a new link into the company (as a member of the
 * workspace), shown once since the server keeps only its hash, and the open ones, to revoke.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { Company, CompanyInvite } from '../../protocol/companies.ts'
import { useFloor } from '../app/context.tsx'
import type { CreatedInvite } from './companies-api.ts'
import type { CompaniesActions } from './CompaniesDialog.tsx'

export function CompanyInvites({ company, actions }: { company: Company; actions: CompaniesActions }) {
  const { api, run } = actions
  const members = useFloor((s) => s.members)
  const [open, setOpen] = useState<CompanyInvite[]>([])
  const [created, setCreated] = useState<CreatedInvite | null>(null)
  const link = useRef<HTMLInputElement>(null)
  const linkId = useId()

  const reload = useCallback(async () => {
    try {
      setOpen(await api.invites(company.id))
    } catch {
      setOpen([])
    }
  }, [api, company.id])

  useEffect(() => {
    void reload()
  }, [reload])

  // The link is shown once: take the keyboard to it so it can be copied straight away.
  useEffect(() => {
    if (created) link.current?.focus()
  }, [created])

  const create = async () => {
    let made: CreatedInvite | null = null
    await run(async (a) => (made = await a.invite(company.id, {})))
    setCreated(made)
    await reload()
  }

  return (
    <div className="company-invites">
      <button type="button" onClick={() => void create()}>
        Invite into {company.name}
      </button>
      {created && (
        <div className="company-row">
          <label htmlFor={linkId}>Invite link for {company.name}; it works once and expires {new Date(created.invite.expiresAt).toLocaleDateString()}.</label>
          <input id={linkId} ref={link} readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(created.url)}>
            Copy link
          </button>
        </div>
      )}
      {open.length > 0 && (
        <ul aria-label={`Open invites into ${company.name}`}>
          {open.map((i) => (
            <li key={i.id}>
              {i.email ?? 'Anyone with the link'}, by {(i.createdBy && members[i.createdBy]?.name) || 'someone who left'}, until {new Date(i.expiresAt).toLocaleDateString()}
              <button type="button" onClick={() => void run((a) => a.revokeInvite(company.id, i.id)).then(reload)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
