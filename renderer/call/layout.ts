/**
 * Where each tile of the call goes, as a pure function of who is in it, who is pinned and who
 * spoke last: a screen share takes the stage, else the pinned person; everyone else keeps the
 * order they joined in, so tiles do not jump each time someone speaks. When not all fit, the
 * tiles shown are the pinned one, screen shares and the most recent speakers.
 */

export type TileKind = 'camera' | 'screen'

export interface TileRef {
  /** Unique per tile: identity + kind. */
  key: string
  identity: string
  kind: TileKind
  local: boolean
}

export interface LayoutInput {
  /** In join order (this member first). */
  tiles: readonly TileRef[]
  /** Identity of the pinned person, or null. */
  pinned: string | null
  /** identity → when they last spoke, as a growing sequence number (absent: never spoke). */
  spoke: ReadonlyMap<string, number>
  /** How many tiles besides the stage fit. */
  maxVisible: number
}

export interface CallLayout {
  /** The big tile: a screen share, or the pinned person; null shows everyone in a grid. */
  stage: TileRef | null
  /** The other tiles shown, in join order. */
  rest: TileRef[]
  /** How many tiles did not fit. */
  hidden: number
  /** Who spoke last (emphasised), or null. */
  activeSpeaker: string | null
}

export const tileKey = (identity: string, kind: TileKind) => `${identity}:${kind}`

/** The screen share for the stage: the pinned person's, else someone else's; one's own only when pinned. */
function stageScreen(tiles: readonly TileRef[], pinned: string | null): TileRef | undefined {
  const screens = tiles.filter((t) => t.kind === 'screen')
  return screens.find((t) => t.identity === pinned) ?? screens.find((t) => !t.local)
}

export function arrangeCall({ tiles, pinned, spoke, maxVisible }: LayoutInput): CallLayout {
  const pinnedCamera = tiles.find((t) => t.kind === 'camera' && t.identity === pinned)
  const stage = stageScreen(tiles, pinned) ?? pinnedCamera ?? null
  const others = tiles.filter((t) => t !== stage)
  let activeSpeaker: string | null = null
  let latest = -Infinity
  for (const [identity, at] of spoke) {
    if (at > latest && tiles.some((t) => t.identity === identity)) [activeSpeaker, latest] = [identity, at]
  }
  if (others.length <= maxVisible) return { stage, rest: others, hidden: 0, activeSpeaker }

  // Who must stay in view first; ties keep join order (the sort is stable).
  const rank = (t: TileRef) => (t.identity === pinned ? 3 : t.kind === 'screen' ? 2 : spoke.has(t.identity) ? 1 : 0)
  const chosen = new Set(
    [...others]
      .sort((a, b) => rank(b) - rank(a) || (spoke.get(b.identity) ?? 0) - (spoke.get(a.identity) ?? 0))
      .slice(0, Math.max(0, maxVisible)),
  )
  return { stage, rest: others.filter((t) => chosen.has(t)), hidden: others.length - chosen.size, activeSpeaker }
}

/** Bumps the speaking sequence for whoever speaks now (loudest last, so it counts as the most recent). */
export function noteSpeakers(spoke: ReadonlyMap<string, number>, speaking: readonly string[], seq: number): { spoke: Map<string, number>; seq: number } {
  const next = new Map(spoke)
  for (const identity of [...speaking].reverse()) next.set(identity, ++seq)
  return { spoke: next, seq }
}
