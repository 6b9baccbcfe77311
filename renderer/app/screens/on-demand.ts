/**
 * The office's parts that the first screen does not show, each loaded the first time it is shown:
 * dialogs opened from the top bar; a knock, a wave or a seat taken over; and the call, which needs
 * a room (and LiveKit, itself loaded on demand). The start-up bundle has a budget
 * (test/e2e/startup-bundle.test.ts); what the cached floor draws stays in it, so that its first
 * paint waits for nothing.
 */
import { lazy } from 'react'

export const CommandPalette = lazy(() => import('../../ui/CommandPalette.tsx').then((m) => ({ default: m.CommandPalette })))
export const InviteDialog = lazy(() => import('../../ui/InviteDialog.tsx').then((m) => ({ default: m.InviteDialog })))
export const ShortcutsSheet = lazy(() => import('../../ui/ShortcutsSheet.tsx').then((m) => ({ default: m.ShortcutsSheet })))
export const DoorPrompt = lazy(() => import('../../ui/DoorPrompt.tsx').then((m) => ({ default: m.DoorPrompt })))
export const Prompts = lazy(() => import('../../ui/Prompts.tsx').then((m) => ({ default: m.Prompts })))
export const TakeoverDialog = lazy(() => import('../../ui/TakeoverDialog.tsx').then((m) => ({ default: m.TakeoverDialog })))
export const Stage = lazy(() => import('../../media/Stage.tsx').then((m) => ({ default: m.Stage })))

// Hosts' tools: members never download them.
export const EditorTop = lazy(() => import('../../editor/EditorChrome.tsx').then((m) => ({ default: m.EditorTop })))
export const EditorSide = lazy(() => import('../../editor/EditorChrome.tsx').then((m) => ({ default: m.EditorSide })))
export const PeopleAdmin = lazy(() => import('../../admin/PeopleAdmin.tsx').then((m) => ({ default: m.PeopleAdmin })))
