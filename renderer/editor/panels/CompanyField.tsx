/**
 * The Company select of a room's or a desk's properties (issue 13): whose area of the floor it is
 * in, chosen from the workspace's companies (read by the companies store), or none.
 */
import { useId } from 'react'
import { useCompanies } from '../../companies/companies-store.ts'

export function CompanyField({ value, onChange }: { value: string | null | undefined; onChange(companyId: string | null): void }) {
  const id = useId()
  const companies = useCompanies((s) => s.companies)
  const current = value ?? ''
  // A tag naming a company this client has not read (yet, or removed) is still shown as chosen.
  const unknown = current !== '' && !companies.some((c) => c.id === current)
  return (
    <div className="field">
      <label htmlFor={id}>Company</label>
      <select id={id} value={current} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">None (everyone's)</option>
        {companies.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        {unknown && <option value={current}>A company not listed</option>}
      </select>
    </div>
  )
}
