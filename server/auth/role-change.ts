/**
 * Who may change whose role (pure; the store separately refuses to leave a workspace without an
 * owner). Owners make owners and hosts and change anyone's role; hosts move members and guests
 * between those two roles; nobody but an owner changes their own role.
 */
import type { Role } from '../../protocol/api.ts'
import { atLeast } from '../../protocol/rules.ts'

interface Person {
  id: string
  role: Role
}

/** Why `actor` may not give `target` the role `next`, or null when they may. */
export function roleChangeRefusal(actor: Person, target: Person, next: Role): string | null {
  if (actor.id === target.id && actor.role !== 'owner') return 'you cannot change your own role; ask an owner'
  if (actor.role === 'owner') return null
  if (!atLeast(actor.role, 'host')) return 'this needs the host role or higher'
  if (atLeast(target.role, 'host')) return `only an owner changes the role of ${target.role === 'owner' ? 'an owner' : 'a host'}`
  if (atLeast(next, 'host')) return `only an owner makes ${next}s`
  return null
}

/** Why `actor` may not remove `target` from the workspace, or null when they may. */
export function removalRefusal(actor: Person, target: Person): string | null {
  if (target.role === 'owner') return 'an owner cannot be removed; an owner can make them a member first'
  if (target.role === 'host' && actor.role !== 'owner') return 'only an owner removes a host'
  return null
}
