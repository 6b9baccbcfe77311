/** Which room's whiteboard is open in this window (issue 14); the call's Whiteboard button sets it. */
import { create } from 'zustand'

export const whiteboardOpen = create<{ roomId: string | null; open(roomId: string | null): void }>((set) => ({
  roomId: null,
  open: (roomId) => set({ roomId }),
}))
