/**
 * One company in the Companies dialog: its name (hosts rename or remove it), its members (hosts
 * name admins; hosts and its admins add and take out members; you may leave), and its invites.
 */
import { useId, useMemo, useState } from 'react'
import type { Company } from '../../protocol/companies.ts'
import { atLeast } from '../../protocol/rules.ts'
import { useFloor, useSession } from '../app/context.tsx'
import type { CompaniesActions } from './CompaniesDialog.tsx'
import { CompanyInvites } from './CompanyInvites.tsx'
import { GuestLinks } from '../admin/GuestLinks.tsx'
import { useCompanies } from './companies-store.ts'

export function CompanySection({ company, actions }: { company: Company; actions: CompaniesActions }) {
  const { run } = actions
  const me = useSession((s) => s.me)
  const members = useFloor((s) => s.members)
  const companies = useCompanies((s) => s.companies)
  const taken = useMemo(() => new Set(companies.flatMap((c) => c.members)), [companies])
  const [name, setName] = useState(company.name)
  const [adding, setAdding] = useState('')
  const ids = { rename: useId(), add: useId() }
  const host = me ? atLeast(me.role, 'host') : false
  const admin = me ? company.admins.includes(me.id) : false
  const manages = host || admin
  const nameOf = (id: string) => members[id]?.name ?? 'Someone who left'
  // Anyone not in a company yet, guests aside (they belong to none).
  const free = Object.values(members).filter((m) => m.role !== 'guest' && !taken.has(m.id)).sort((a, b) => a.name.localeCompare(b.name))

  return (
    <section className="company" aria-label={company.name}>
      <h3>{company.name}</h3>
      {host && (
        <div className="company-row">
          <label htmlFor={ids.rename}>Name of {company.name}</label>
          <input id={ids.rename} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          <button type="button" disabled={!name.trim() || name.trim() === company.name} onClick={() => void run((a) => a.rename(company.id, name.trim()))}>
            Rename
          </button>
          <button type="button" onClick={() => window.confirm(`Remove ${company.name}? Its members stay in the workspace; its rooms and desks become everyone's.`) && void run((a) => a.remove(company.id))}>
            Remove company
          </button>
        </div>
      )}
      <ul className="company-members" aria-label={`Members of ${company.name}`}>
        {company.members.length === 0 && <li className="hint">Nobody yet.</li>}
        {company.members.map((id) => {
          const isAdmin = company.admins.includes(id)
          return (
            <li key={id} aria-label={`${nameOf(id)}${isAdmin ? ', admin' : ''}`}>
              <span>{nameOf(id)}</span>
              {isAdmin && <span className="company-admin">admin</span>}
              {host && (
                <button type="button" onClick={() => void run((a) => a.setMember(company.id, id, !isAdmin))}>
                  {isAdmin ? `Unname ${nameOf(id)} as admin` : `Make ${nameOf(id)} admin`}
                </button>
              )}
              {id === me?.id ? (
                <button type="button" onClick={() => void run((a) => a.takeOut(company.id, id))}>
                  Leave {company.name}
                </button>
              ) : (
                manages && (
                  <button type="button" onClick={() => void run((a) => a.takeOut(company.id, id))}>
                    Take {nameOf(id)} out
                  </button>
                )
              )}
            </li>
          )
        })}
      </ul>
      {manages && (
        <div className="company-row">
          <label htmlFor={ids.add}>Add to {company.name}</label>
          <select id={ids.add} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose a member</option>
            {free.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!adding} onClick={() => void run((a) => a.setMember(company.id, adding, false)).then((ok) => ok && setAdding(''))}>
            Add member
          </button>
        </div>
      )}
      {manages && <CompanyInvites company={company} actions={actions} />}
      {/* A company admin's guest links, for its rooms (hosts make theirs in People and invites). */}
      {admin && !host && <GuestLinks companyId={company.id} />}
    </section>
  )
}
