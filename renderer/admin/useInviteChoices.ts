/** What an invite may offer the viewer: the roles they may invite as, and the rooms a guest may be let into. */
import { useMemo } from 'react'
import type { Role } from '../../protocol/api.ts'
import { useFloor, useSession } from '../app/context.tsx'
import { inviteRoles } from './roles.ts'

export interface RoomChoice {
  id: string
  /** The room's name, with its floor's when the workspace has several floors. */
  label: string
}

export function useInviteChoices(): { roles: readonly Role[]; rooms: RoomChoice[] } {
  const role = useSession((s) => s.me?.role ?? 'guest')
  const floors = useFloor((s) => s.floors)
  const rooms = useMemo(
    () => floors.flatMap((f) => f.rooms.map((r) => ({ id: r.id, label: floors.length > 1 ? `${r.name} (${f.name})` : r.name }))),
    [floors],
  )
  return { roles: inviteRoles(role), rooms }
}
