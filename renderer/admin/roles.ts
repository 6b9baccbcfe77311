/**
 * Who may do what to whom in the People and invites view. The server enforces the same rules; the
 * view offers only what the viewer may do, so nobody meets a refusal they could have been spared.
 */
import type { Role } from '../../protocol/api.ts'

interface Person {
  id: string
  role: Role
}

const everyRole: readonly Role[] = ['owner', 'host', 'member', 'guest']
const memberOrGuest: readonly Role[] = ['member', 'guest']
const isMemberOrGuest = (role: Role) => memberOrGuest.includes(role)

/**
 * The roles `viewer` may give `target`, the current one included; empty when the viewer may not
 * change it at all. Only an owner makes owners and hosts (and may step down, while another owner
 * remains: the server says so otherwise); a host switches others between member and guest.
 */
export function roleChoices(viewer: Person, target: Person): readonly Role[] {
  if (viewer.role === 'owner') return everyRole
  if (viewer.id === target.id) return []
  if (viewer.role === 'host' && isMemberOrGuest(target.role)) return memberOrGuest
  return []
}

/** Whether `viewer` may remove `target`: never an owner or oneself; hosts only by an owner. */
export function mayRemove(viewer: Person, target: Person): boolean {
  if (viewer.id === target.id || target.role === 'owner') return false
  if (viewer.role === 'owner') return true
  return viewer.role === 'host' && isMemberOrGuest(target.role)
}

/** The roles `viewer` may invite people as: hosts only by the owner, owners never. */
export function inviteRoles(viewer: Role): readonly Role[] {
  if (viewer === 'owner') return ['member', 'guest', 'host']
  if (viewer === 'host') return memberOrGuest
  return []
}
