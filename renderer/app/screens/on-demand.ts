/**
 * The office's parts that the first screen does not show, each loaded the first time it is shown:
 * dialogs opened from the top bar; a knock, a wave or a seat taken over; and the call, which needs
 * a room (and LiveKit, itself loaded on demand). The start-up bundle has a budget
 * (test/e2e/startup-bundle.test.ts); what the cached floor draws stays in it, so that its first
 * paint waits for nothing.
 */
import { lazyPart } from '../../ui/lazy-part.ts'

export const CommandPalette = lazyPart(() => import('../../ui/CommandPalette.tsx').then((m) => ({ default: m.CommandPalette })))
export const InviteDialog = lazyPart(() => import('../../ui/InviteDialog.tsx').then((m) => ({ default: m.InviteDialog })))
export const ShortcutsSheet = lazyPart(() => import('../../ui/ShortcutsSheet.tsx').then((m) => ({ default: m.ShortcutsSheet })))
export const DoorPrompt = lazyPart(() => import('../../ui/DoorPrompt.tsx').then((m) => ({ default: m.DoorPrompt })))
export const Prompts = lazyPart(() => import('../../ui/Prompts.tsx').then((m) => ({ default: m.Prompts })))
// Says who comes and goes in your room, for screen readers: mounted once the floor has painted.
export const RoomAnnouncer = lazyPart(() => import('../../ui/RoomAnnouncer.tsx').then((m) => ({ default: m.RoomAnnouncer })))
export const TakeoverDialog = lazyPart(() => import('../../ui/TakeoverDialog.tsx').then((m) => ({ default: m.TakeoverDialog })))
// The call (components-react with it): the panel beside the floor and the expanded view, one chunk.
const loadCall = () => import('../../call/Call.tsx')
export const Call = lazyPart(() => loadCall().then((m) => ({ default: m.Call })))
export const CallFocus = lazyPart(() => loadCall().then((m) => ({ default: m.CallFocus })))
/** Fetches the call's chunk ahead, once the office is online, so entering a room never waits on it. */
export const warmCall = () => void loadCall().catch(() => undefined)
export const SettingsDialog = lazyPart(() => import('../../call/settings/SettingsDialog.tsx').then((m) => ({ default: m.SettingsDialog })))

// Hosts' tools: members never download them.
export const EditorTop = lazyPart(() => import('../../editor/EditorChrome.tsx').then((m) => ({ default: m.EditorTop })))
export const EditorSide = lazyPart(() => import('../../editor/EditorChrome.tsx').then((m) => ({ default: m.EditorSide })))
export const PeopleAdmin = lazyPart(() => import('../../admin/PeopleAdmin.tsx').then((m) => ({ default: m.PeopleAdmin })))
export const ManageMenu = lazyPart(() => import('../../ui/ManageMenu.tsx').then((m) => ({ default: m.ManageMenu })))
export const UsageDialog = lazyPart(() => import('../../analytics/UsageDialog.tsx').then((m) => ({ default: m.UsageDialog })))
