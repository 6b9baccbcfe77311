/**
 * A person's description as visible text, the same words as labels.ts personName() gives their
 * accessible name, with every string someone typed (a name, a status text, a room name) isolated
 * in <bdi>: a right-to-left override in one cannot reorder the words around it.
 */
import type { Status } from '../../protocol/presence.ts'
import { presenceLabel } from './labels.ts'

/** `hand`: their hand is up in the room they are in (said last, as the floor avatar's name does). */
export function PersonText(props: { name: string; status: Status; statusText: string; where: string | null; self?: boolean; hand?: boolean }) {
  const { name, status, statusText, where } = props
  return (
    <>
      {props.self ? 'You, ' : ''}
      <bdi>{name}</bdi>, {presenceLabel(status, !!where)}
      {statusText ? (
        <>
          , <bdi>{statusText}</bdi>
        </>
      ) : null}
      {where ? (
        <>
          , in <bdi>{where}</bdi>
        </>
      ) : null}
      {props.hand ? ', hand raised' : null}
    </>
  )
}
