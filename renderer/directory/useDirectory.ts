/** The directory's answer for a query, fetched again when the query changes (the words after a short pause in typing). */
import { useEffect, useState } from 'react'
import type { Directory, DirectoryQuery } from '../../protocol/profiles.ts'
import { failure, useProfilesApi } from './context.ts'

const TYPING_PAUSE_MS = 250

export function useDirectory(query: DirectoryQuery, refresh: number): { directory: Directory | null; error: string | null } {
  const api = useProfilesApi()
  const [directory, setDirectory] = useState<Directory | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [words, setWords] = useState(query.q ?? '')
  useEffect(() => {
    const timer = setTimeout(() => setWords(query.q ?? ''), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [query.q])
  const { company, interest, skill, timeZone } = query
  useEffect(() => {
    let live = true
    const q: DirectoryQuery = { q: words.trim() }
    if (company) q.company = company
    if (interest) q.interest = interest
    if (skill) q.skill = skill
    if (timeZone) q.timeZone = timeZone
    api.directory(q).then(
      (d) => live && (setDirectory(d), setError(null)),
      (err: unknown) => live && setError(failure(err)),
    )
    return () => void (live = false)
  }, [api, words, company, interest, skill, timeZone, refresh])
  return { directory, error }
}
