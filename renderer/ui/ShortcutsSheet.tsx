/** "?": every keyboard shortcut of the office. */
import { useEffect, useRef } from 'react'

export const shortcuts: [string, string][] = [
  ['Arrow keys or W A S D', 'Walk'],
  ['Tab', 'Move between the floor’s rooms, desks and people'],
  ['Arrow keys (on a room, desk or person)', 'Move to the nearest one in that direction'],
  ['Enter', 'Walk to the focused room or desk; open a person’s actions'],
  ['Shift+F10', 'Open the focused room’s or desk’s card: its shelf, board, bookings and whiteboard'],
  ['B', 'Back to your desk'],
  ['Ctrl+K or ⌘K', 'Find people, rooms and conversations'],
  ['Alt+↑ / Alt+↓', 'Previous / next conversation in Chat'],
  ['+ and −', 'Zoom in and out'],
  ['0', 'Fit the floor to the window'],
  ['F', 'Find me: centre the view on your avatar'],
  ['M', 'Mute or unmute your microphone (in a room)'],
  ['Space (hold)', 'Talk while your microphone is muted (in a room)'],
  ['V', 'Turn your camera on or off (in a room)'],
  ['?', 'This list'],
  ['Escape', 'Close a dialog; back to the floor from the expanded call'],
]

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => dialog.current?.showModal(), [])
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {shortcuts.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
