/**
 * The Companies dialog: hosts make companies and manage every one; a company admin manages their
 * own company (its members and invites); anyone in a company may leave it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { atLeast } from '../../protocol/rules.ts'
import { useSession } from '../app/context.tsx'
import { describeError } from '../ui/errors.ts'
import type { CompaniesApi } from './companies-api.ts'
import { useCompanies } from './companies-store.ts'
import { CompanySection } from './CompanySection.tsx'
import './companies.css'

export interface CompaniesActions {
  api: CompaniesApi
  /** Runs a change, then reads the companies again; a refusal is said in the dialog. */
  run(change: (api: CompaniesApi) => Promise<unknown>): Promise<boolean>
}

export function CompaniesDialog({ api, refresh, onClose }: { api: CompaniesApi; refresh(): Promise<void>; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const nameId = useId()
  const me = useSession((s) => s.me)
  const companies = useCompanies((s) => s.companies)
  const [error, setError] = useState<string | null>(null)
  const [name, setName] = useState('')
  const host = me ? atLeast(me.role, 'host') : false

  useEffect(() => {
    dialog.current?.showModal()
    void refresh()
  }, [refresh])

  const run = async (change: (a: CompaniesApi) => Promise<unknown>) => {
    setError(null)
    try {
      await change(api)
      return true
    } catch (err) {
      setError(describeError(err))
      return false
    } finally {
      await refresh()
    }
  }

  const create = async (e: FormEvent) => {
    e.preventDefault()
    if (await run((a) => a.create(name.trim()))) setName('')
  }

  // Hosts see every company; everyone else only their own.
  const shown = host ? companies : companies.filter((c) => me && c.members.includes(me.id))
  return (
    <dialog ref={dialog} className="dialog companies-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Companies</h2>
      {error && <p role="alert">{error}</p>}
      {host && (
        <form aria-label="New company" onSubmit={(e) => void create(e)} className="companies-new">
          <label htmlFor={nameId}>Company name</label>
          <input id={nameId} value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>
            Create company
          </button>
        </form>
      )}
      {shown.length === 0 && <p className="hint">No companies yet.</p>}
      {shown.map((c) => (
        <CompanySection key={c.id} company={c} actions={{ api, run }} />
      ))}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
