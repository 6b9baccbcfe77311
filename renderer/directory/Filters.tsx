/** The directory's filters: company, interest, skill and time zone, each "Any" or one of what people have. */
import type { Directory, DirectoryQuery } from '../../protocol/profiles.ts'

type Key = 'company' | 'interest' | 'skill' | 'timeZone'

export function Filters({ query, facets, onChange }: { query: DirectoryQuery; facets: Directory['facets'] | undefined; onChange(key: Key, value: string): void }) {
  const options: [Key, string, { value: string; label: string }[]][] = [
    ['company', 'Filter by company', (facets?.companies ?? []).map((c) => ({ value: c.id, label: c.name }))],
    ['interest', 'Filter by interest', (facets?.interests ?? []).map((t) => ({ value: t, label: t }))],
    ['skill', 'Filter by skill', (facets?.skills ?? []).map((t) => ({ value: t, label: t }))],
    ['timeZone', 'Filter by time zone', (facets?.timeZones ?? []).map((t) => ({ value: t, label: t.replace(/_/g, ' ') }))],
  ]
  return (
    <div className="directory-filters">
      {options.map(([key, label, list]) => {
        const value = query[key] ?? ''
        // A value chosen elsewhere (a tag on a profile) is offered even before the facets list it.
        const all = value && !list.some((o) => o.value.toLowerCase() === value.toLowerCase()) ? [{ value, label: value }, ...list] : list
        return (
          <select key={key} aria-label={label} value={value} onChange={(e) => onChange(key, e.target.value)}>
            <option value="">{label.replace('Filter by ', 'Any ')}</option>
            {all.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )
      })}
    </div>
  )
}
