/**
 * Keeps the value from an earlier render while `equal` says nothing changed, so that memoised
 * children given it keep their props: a map rebuilt on every presence change (20 a second in a busy
 * office) re-renders 2,000 desks only when a name on them changed.
 *
 * @example
 * const names = useStableValue(useMemo(() => deskNames(...), [peers]), sameEntries)
 */
import { useRef } from 'react'

export function useStableValue<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const kept = useRef(value)
  if (kept.current !== value && !equal(kept.current, value)) kept.current = value
  return kept.current
}

/**
 * A store selector that keeps its earlier answer while `equal` says nothing changed, so the
 * component does not render at all (zustand's useShallow, with the comparison given): the list of
 * people need not render 500 rows again because someone took a step.
 *
 * @example
 * const peers = usePresence(useStableSelector((s) => s.peers, sameListing))
 */
export function useStableSelector<S, T>(select: (state: S) => T, equal: (a: T, b: T) => boolean): (state: S) => T {
  const kept = useRef<[T]>(null)
  return (state) => {
    const next = select(state)
    return kept.current && equal(kept.current[0], next) ? kept.current[0] : (kept.current = [next])[0]
  }
}

/** Two maps with the same keys holding identical values. */
export function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false
  for (const [k, v] of a) if (b.get(k) !== v) return false
  return true
}
