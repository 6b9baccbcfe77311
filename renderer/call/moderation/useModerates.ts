/** Whether this member moderates the room they are in (a host, or the room's owner): the same rule the server applies. */
import type { Room } from '../../../protocol/floor/records.ts'
import { mayModerate } from '../../../protocol/rules.ts'
import { useSession } from '../../app/context.tsx'

export function useModerates(room: Room | undefined): boolean {
  const me = useSession((s) => s.me)
  return !!room && !!me && mayModerate(room, me)
}
