/**
 * The chat UI's access to the composition: the chat store (read), the chat service (act), and the
 * directory of members (names for authors, mentions and DMs).
 */
import { useStore } from 'zustand'
import { useComposition, useFloor, useOffice } from '../app/context.tsx'
import type { Mentionable } from '../../protocol/chat-mentions.ts'
import type { ChatService } from '../services/chat/types.ts'
import type { ChatState } from '../stores/chat/store.ts'
import { useMemo } from 'react'

export const useChat = <T,>(select: (s: ChatState) => T): T => useStore(useComposition().stores.chat, select)
export const useChatService = (): ChatService => useOffice().chat

/** Everyone in the directory, as the mention rule needs them (memoised on the directory). */
export function usePeople(): Mentionable[] {
  const members = useFloor((s) => s.members)
  return useMemo(() => Object.values(members).map((m) => ({ id: m.id, name: m.name })), [members])
}

/** A message shown in the UI when a chat call fails. */
export const failure = (err: unknown): string => (err instanceof Error && err.message ? err.message : 'Something went wrong; try again.')
