import type { Status } from '../../protocol/presence.ts'
import { initials, statusLabel } from './labels.ts'

/** A person on the floor: initials on their colour, a status dot, and their name on hover. */
export function Avatar(props: { name: string; colour: string; status: Status; x: number; y: number; self?: boolean }) {
  const { name, colour, status, x, y, self = false } = props
  return (
    <div
      className={`avatar${self ? ' avatar-self' : ''}`}
      style={{ transform: `translate(${x}px, ${y}px)`, background: colour }}
      role="img"
      aria-label={`${self ? 'You, ' : ''}${name}, ${statusLabel[status]}`}
      title={name}
    >
      <span aria-hidden="true">{initials(name)}</span>
      <span className={`status-dot status-${status}`} aria-hidden="true" />
    </div>
  )
}
