/**
 * The Electron screen picker: a modal dialog named "Share your screen", one button per screen or
 * window, named by the source and showing its thumbnail. Keyboard-usable: focus starts on the first
 * source, arrow keys move between sources, Enter or Space picks, Escape or Cancel closes. Plain
 * DOM (no React) so the Platform can show it from anywhere; loaded only when a share starts.
 */
import type { ScreenSourceInfo } from '../../protocol/ipc.ts'

function sourceButton(doc: Document, source: ScreenSourceInfo, pick: (id: string) => void): HTMLButtonElement {
  const button = doc.createElement('button')
  button.type = 'button'
  button.dataset.sourceId = source.id
  Object.assign(button.style, { display: 'grid', gap: 'var(--space-1)', justifyItems: 'center', width: '11rem', padding: 'var(--space-2)' })
  if (source.thumbnail) {
    const img = doc.createElement('img')
    img.src = source.thumbnail
    // The name says what it is; the picture is decoration for the name.
    img.alt = ''
    Object.assign(img.style, { width: '10rem', height: '5.6rem', objectFit: 'contain', background: 'var(--bg)' })
    button.append(img)
  }
  const name = doc.createElement('span')
  name.textContent = source.name
  Object.assign(name.style, { maxWidth: '10rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' })
  button.append(name)
  button.title = source.name
  button.addEventListener('click', () => pick(source.id))
  return button
}

function group(doc: Document, label: string, buttons: HTMLButtonElement[]): HTMLElement {
  const section = doc.createElement('section')
  section.setAttribute('aria-label', label)
  const list = doc.createElement('div')
  Object.assign(list.style, { display: 'flex', flexWrap: 'wrap', gap: 'var(--space-2)' })
  list.append(...buttons)
  section.append(list)
  return section
}

/** Resolves with the chosen source's id, or null when the member cancels. */
export function pickScreenSource(sources: readonly ScreenSourceInfo[], doc: Document = document): Promise<string | null> {
  return new Promise((resolve) => {
    const dialog = doc.createElement('dialog')
    dialog.className = 'dialog'
    dialog.setAttribute('aria-labelledby', 'screen-picker-title')
    Object.assign(dialog.style, { maxWidth: '48rem', maxHeight: '80vh', overflow: 'auto' })
    const title = doc.createElement('h2')
    title.id = 'screen-picker-title'
    title.textContent = 'Share your screen'
    let settled = false
    const finish = (id: string | null) => {
      if (settled) return
      settled = true
      dialog.close()
      dialog.remove()
      resolve(id)
    }
    const buttons = sources.map((s) => sourceButton(doc, s, finish))
    const screens = buttons.filter((_, i) => sources[i]?.kind === 'screen')
    const windows = buttons.filter((_, i) => sources[i]?.kind === 'window')
    const cancel = doc.createElement('button')
    cancel.type = 'button'
    cancel.textContent = 'Cancel'
    cancel.addEventListener('click', () => finish(null))
    const empty = doc.createElement('p')
    empty.textContent = 'There is nothing to share: no screen or window was found.'
    dialog.append(title, ...(screens.length ? [group(doc, 'Screens', screens)] : []), ...(windows.length ? [group(doc, 'Windows', windows)] : []), ...(buttons.length ? [] : [empty]), cancel)
    // Escape closes a modal dialog with 'cancel'; the arrows walk the sources in reading order.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault()
      finish(null)
    })
    dialog.addEventListener('keydown', (e) => {
      const at = buttons.indexOf(doc.activeElement as HTMLButtonElement)
      if (at < 0) return
      const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0
      if (step === 0) return
      e.preventDefault()
      buttons[(at + step + buttons.length) % buttons.length]?.focus()
    })
    doc.body.append(dialog)
    dialog.showModal()
    ;(buttons[0] ?? cancel).focus()
  })
}
