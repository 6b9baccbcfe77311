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
// The call (components-react with it): the panel beside the floor and the expanded view, one chunk.
const loadCall = () => import('../../call/Call.tsx')
export const Call = lazy(() => loadCall().then((m) => ({ default: m.Call })))
export const CallFocus = lazy(() => loadCall().then((m) => ({ default: m.CallFocus })))
/** Fetches the call's chunk ahead, once the office is online, so entering a room never waits on it. */
export const warmCall = () => void loadCall().catch(() => undefined)
export const SettingsDialog = lazy(() => import('../../call/settings/SettingsDialog.tsx').then((m) => ({ default: m.SettingsDialog })))

// Hosts' tools: members never download them.
export const EditorTop = lazy(() => import('../../editor/EditorChrome.tsx').then((m) => ({ default: m.EditorTop })))
export const EditorSide = lazy(() => import('../../editor/EditorChrome.tsx').then((m) => ({ default: m.EditorSide })))
export const PeopleAdmin = lazy(() => import('../../admin/PeopleAdmin.tsx').then((m) => ({ default: m.PeopleAdmin })))
export const ManageMenu = lazy(() => import('../../ui/ManageMenu.tsx').then((m) => ({ default: m.ManageMenu })))
export const UsageDialog = lazy(() => import('../../analytics/UsageDialog.tsx').then((m) => ({ default: m.UsageDialog })))
