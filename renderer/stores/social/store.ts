/**
 * Social store: knocks at rooms I am in, my own knock while I wait at a door, waves and other
 * prompts that need an answer, the people I starred, whether another device took my seat, and
 * raised hands and reactions (signals.ts).
 * `fromName` is the directory's name for `from` when the prompt was made, never the peer's own.
 *
 * @example
 * const social = createSocialStore()
 * social.getState().addPrompt({ kind: 'wave', from: 'mem_1', fromName: 'Ana' })
 */
import { createStore } from 'zustand/vanilla'
import { createSignalsSlice, type SignalsSlice } from './signals.ts'

export type Prompt =
  | { id: number; kind: 'knock'; from: string; fromName: string; roomId: string }
  | { id: number; kind: 'wave'; from: string; fromName: string }
  | { id: number; kind: 'available'; from: string; fromName: string }

export type PromptInput = Prompt extends infer P ? (P extends Prompt ? Omit<P, 'id'> : never) : never

export interface OutgoingKnock {
  roomId: string
  state: 'waiting' | 'declined' | 'nobody'
}

/** A door the avatar was stopped at, offering a knock. */
export interface Door {
  roomId: string
  reason: 'locked' | 'private'
}

export interface SocialState extends SignalsSlice {
  prompts: Prompt[]
  door: Door | null
  knock: OutgoingKnock | null
  stars: string[]
  takenOver: boolean
  addPrompt(prompt: PromptInput): number
  removePrompt(id: number): void
  setDoor(door: Door | null): void
  setKnock(knock: OutgoingKnock | null): void
  setStars(stars: string[]): void
  setTakenOver(taken: boolean): void
  /** Signed out: the prompts, the door, the knock and the takeover belonged to that member. */
  clearSession(): void
}

export function createSocialStore() {
  let next = 1
  return createStore<SocialState>()((set, get) => ({
    ...createSignalsSlice(set, get),
    prompts: [],
    door: null,
    knock: null,
    stars: [],
    takenOver: false,
    addPrompt(prompt) {
      const id = next++
      set({ prompts: [...get().prompts, { ...prompt, id } as Prompt] })
      return id
    },
    removePrompt: (id) => set({ prompts: get().prompts.filter((p) => p.id !== id) }),
    setDoor: (door) => set({ door }),
    setKnock: (knock) => set({ knock }),
    setStars: (stars) => set({ stars }),
    setTakenOver: (takenOver) => set({ takenOver }),
    clearSession: () => set({ prompts: [], door: null, knock: null, takenOver: false, stars: [] }),
  }))
}
export type SocialStore = ReturnType<typeof createSocialStore>
