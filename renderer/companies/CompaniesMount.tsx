/**
 * Issue 13: the Companies button in the top bar, for hosts (who manage every company) and for
 * anyone in a company (its admins manage it; everyone may leave theirs). It also keeps the
 * companies store loaded for the floor's signs and the door check. The dialog loads on demand.
 */
import { Suspense, useState, type RefObject } from 'react'
import { atLeast } from '../../protocol/rules.ts'
import { useSession } from '../app/context.tsx'
import { companyOf, useCompanies } from './companies-store.ts'
import { useCompaniesLoader } from './useCompaniesLoader.ts'
import { lazyPart } from '../ui/lazy-part.ts'

const CompaniesDialog = lazyPart(() => import('./CompaniesDialog.tsx').then((m) => ({ default: m.CompaniesDialog })))

export function CompaniesMount(_props: { body: RefObject<HTMLElement | null> }) {
  const { api, refresh } = useCompaniesLoader()
  const me = useSession((s) => s.me)
  const inOne = useCompanies((s) => (me ? companyOf(s, me.id) !== null : false))
  const [open, setOpen] = useState(false)
  if (!api || !me || !(atLeast(me.role, 'host') || inOne)) return null
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Companies
      </button>
      {open && (
        <Suspense fallback={null}>
          <CompaniesDialog api={api} refresh={refresh} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
