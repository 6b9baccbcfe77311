/**
 * Reaching people (./social.ts) as the office starts it: its code loads on first use, which is
 * boot reading the member's stars, so it is there well before any peer can knock or wave (that
 * takes the lobby, and going online waits for `ready()` before it attaches the handlers). Off the
 * path to the cached floor's first paint, and out of the start-up bundle.
 */
import type { Social, SocialDeps } from './social.ts'

export interface LazySocial extends Social {
  /** Resolves once the code is loaded (loading it if nothing has yet). */
  ready(): Promise<Social>
}

export function createLazySocial(deps: SocialDeps): LazySocial {
  let loaded: Social | null = null
  let loading: Promise<Social> | null = null
  const ready = () => (loading ??= import('./social.ts').then(({ createSocial }) => (loaded = createSocial(deps))))
  /** Straight through once loaded (the same call, in the same tick); until then, after the load. */
  const via = <R>(act: (s: Social) => R): R | Promise<R> => (loaded ? act(loaded) : ready().then(act))

  return {
    ready,
    attach: (lobby) => void via((s) => s.attach(lobby)),
    knock: async (roomId) => via((s) => s.knock(roomId)),
    answerKnock: (promptId, admit) => void via((s) => s.answerKnock(promptId, admit)),
    wave: async (memberId) => via((s) => s.wave(memberId)),
    join: (promptId) => void via((s) => s.join(promptId)),
    dismiss: (promptId) => void via((s) => s.dismiss(promptId)),
    toggleStar: async (memberId) => via((s) => s.toggleStar(memberId)),
    loadStars: async () => via((s) => s.loadStars()),
  }
}
