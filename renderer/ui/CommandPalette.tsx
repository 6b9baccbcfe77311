/** Ctrl+K (⌘K): find people and rooms by name, then go to them, wave, or knock. */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { useComposition, useFloor, useOffice, usePresence, useSession } from '../app/context.tsx'
import { conversationResults, openChat } from '../chat/palette.ts'
import { personName, presenceLabel } from '../floor/labels.ts'
import { currentFloor } from '../stores/floor/selectors.ts'
import { roomsByMember } from '../stores/presence/selectors.ts'

interface Result {
  key: string
  label: string
  detail: string
  actions: { label: string; run(): void }[]
}

export function CommandPalette({ onClose }: { onClose(): void }) {
  const office = useOffice()
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const peers = usePresence((s) => s.peers)
  const occupancy = usePresence((s) => s.occupancy)
  const members = useFloor((s) => s.members)
  const floor = useFloor(currentFloor)
  const me = useSession((s) => s.me?.id)
  const conversations = useStore(useComposition().stores.chat, (s) => s.conversations)

  useEffect(() => dialog.current?.showModal(), [])

  const results = useMemo((): Result[] => {
    const q = query.trim().toLowerCase()
    const match = (name: string) => !q || name.toLowerCase().includes(q)
    const roomName = (id: string | undefined) => (id ? (floor?.rooms.find((r) => r.id === id)?.name ?? 'a room') : null)
    const roomOfPeer = roomsByMember(occupancy)
    const done = (run: () => void) => () => (run(), onClose())
    // Everyone the directory knows: a peer it does not know yet has no name to find them by.
    const people: Result[] = Object.keys(members)
      .filter((id) => id !== me)
      .map((id) => ({ id, peer: peers[id], name: members[id]!.name }))
      .filter((p) => match(p.name))
      .sort((a, b) => Number(!!b.peer) - Number(!!a.peer) || a.name.localeCompare(b.name))
      .map(({ id, peer, name }) => ({
        key: id,
        label: name,
        detail: peer ? personName({ ...peer, name }, roomName(roomOfPeer.get(id))).slice(name.length + 2) : presenceLabel('offline', false),
        actions: peer
          ? [
              { label: `Go to ${name}`, run: done(() => office.walking.goToPerson(id)) },
              { label: `Wave at ${name}`, run: done(() => void office.social.wave(id)) },
            ]
          : [{ label: `Notify me when ${name} is available`, run: done(() => void office.social.toggleStar(id)) }],
      }))
    const rooms: Result[] = (floor?.rooms ?? [])
      .filter((r) => match(r.name))
      .map((r) => {
        const blocked = office.walking.refusal(r)
        return {
          key: r.id,
          label: r.name,
          detail: `room${r.locked ? ', locked' : ''}`,
          actions: [
            { label: `Go to ${r.name}`, run: done(() => office.walking.goToRoom(r.id)) },
            ...(blocked === 'locked' || blocked === 'private' ? [{ label: `Knock on ${r.name}`, run: done(() => void office.social.knock(r.id)) }] : []),
            ...(conversations[`rm_${r.id}`] ? [{ label: `Read ${r.name}'s chat`, run: done(openChat(office.chat, `rm_${r.id}`)) }] : []),
          ],
        }
      })
    // Conversations too (issue 12): channels and DMs by name; room chats are reached from their room above.
    const chats: Result[] = conversationResults(conversations, members, me ?? null, match).map((c) => ({ ...c, actions: c.actions.map((a) => ({ ...a, run: done(a.run(office.chat)) })) }))
    return [...people, ...rooms, ...chats].slice(0, 30)
  }, [query, peers, occupancy, members, floor, me, office, onClose, conversations])

  return (
    <dialog ref={dialog} className="dialog palette" aria-label="Find people, rooms and conversations" onClose={onClose}>
      <input
        autoFocus
        type="search"
        aria-label="Search people and rooms, or conversations"
        placeholder="Search people, rooms and conversations"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') results[0]?.actions[0]?.run()
        }}
      />
      <ul aria-label="Results">
        {results.map((r) => (
          <li key={r.key} aria-label={`${r.label}, ${r.detail}`}>
            <bdi className="result-name">{r.label}</bdi> <bdi className="where">{r.detail}</bdi>
            <span className="result-actions">
              {r.actions.map((a) => (
                <button key={a.label} type="button" onClick={a.run}>
                  {a.label}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </dialog>
  )
}
