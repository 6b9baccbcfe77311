/**
 * Roving focus over columns of cells (the week view's days, or the agenda's one column): one cell
 * is in the tab order; the arrow keys move it (Up and Down within a column, Left and Right to the
 * same row of the next column, or its last cell), Home and End go to the first and last column.
 * Moving focuses the cell, so a screen reader says it.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'

export interface Roving {
  /** Props of cell `row` of column `col`. */
  cell(col: number, row: number): { tabIndex: number; ref(el: HTMLElement | null): void; onFocus(): void }
  onKeyDown(e: KeyboardEvent): void
}

/** `sizes[c]`: how many cells column c has (at least 1). `extra` handles keys this does not. */
export function useRovingFocus(sizes: readonly number[], extra?: (e: KeyboardEvent) => boolean): Roving {
  const [at, setAt] = useState({ col: 0, row: 0 })
  const cells = useRef(new Map<string, HTMLElement>())
  const moved = useRef(false)
  // Bumped when `extra` handled a key (a new week): the cells are new, the focus goes to the same place in them.
  const [turn, setTurn] = useState(0)
  const col = Math.min(at.col, sizes.length - 1)
  const row = Math.min(at.row, (sizes[col] ?? 1) - 1)
  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    cells.current.get(`${col}:${row}`)?.focus()
  }, [col, row, turn])
  const go = (c: number, r: number) => {
    moved.current = true
    const cc = Math.max(0, Math.min(sizes.length - 1, c))
    setAt({ col: cc, row: Math.max(0, Math.min((sizes[cc] ?? 1) - 1, r)) })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(col, row + 1),
      ArrowUp: () => go(col, row - 1),
      ArrowRight: () => go(col + 1, row),
      ArrowLeft: () => go(col - 1, row),
      Home: () => go(0, 0),
      End: () => go(sizes.length - 1, 0),
    }
    const key = keys[e.key]
    if (key) key()
    else if (extra?.(e)) {
      moved.current = true
      setTurn((t) => t + 1)
    } else return
    e.preventDefault()
  }
  const cell = useCallback(
    (c: number, r: number) => ({
      tabIndex: c === col && r === row ? 0 : -1,
      ref: (el: HTMLElement | null) => {
        if (el) cells.current.set(`${c}:${r}`, el)
        else cells.current.delete(`${c}:${r}`)
      },
      onFocus: () => setAt({ col: c, row: r }),
    }),
    [col, row],
  )
  return { cell, onKeyDown }
}
