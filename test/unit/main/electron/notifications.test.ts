import type { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron's Notification needs the binary: an EventEmitter stands in, keeping its options so the
// test can press its buttons and type a reply as the OS would report them.
const electron = vi.hoisted(() => ({ shown: [] as { options: Record<string, unknown>; n: EventEmitter }[] }))
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class Notification extends Emitter {
    static isSupported = () => true
    readonly options: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      super()
      this.options = options
    }
    show() {
      electron.shown.push({ options: this.options, n: this })
    }
  }
  return { Notification }
})
const { createNotifier } = await import('../../../../main/electron/notifications.ts')

let sent: unknown[][]
const win = { isDestroyed: () => false, isMinimized: () => false, show() {}, focus() {}, webContents: { send: (...a: unknown[]) => void sent.push(a) } }
beforeEach(() => {
  sent = []
  electron.shown = []
})

describe('OS notices', () => {
  it('shows the buttons and the reply field the model asks for', () => {
    createNotifier(() => win as never).showNotice({ id: 'mention:c/m', title: 'Ana mentioned you', body: 'hi', silent: false, buttons: [{ action: 'reply', label: 'Reply' }], reply: true })
    expect(electron.shown[0]?.options).toMatchObject({ title: 'Ana mentioned you', actions: [{ type: 'button', text: 'Reply' }], hasReply: true })
  })

  it('reports a button, a typed reply and a click to the renderer with the notice id', () => {
    const notifier = createNotifier(() => win as never)
    notifier.showNotice({ id: 'knock:3', title: 'Bo is knocking', body: 'on Lounge', silent: false, buttons: [{ action: 'admit', label: 'Admit' }], reply: false })
    const n = electron.shown[0]!.n
    n.emit('action', { actionIndex: 0 })
    n.emit('action', { actionIndex: 5 })
    n.emit('reply', { reply: 'coming' })
    n.emit('click')
    expect(sent).toEqual([['notify:acted', 'knock:3', 'admit', ''], ['notify:acted', 'knock:3', 'reply', 'coming'], ['notify:acted', 'knock:3', 'open', '']])
  })

  it('keeps the plain notification and its notify:clicked', () => {
    createNotifier(() => win as never).show({ id: 'n1', title: 't', body: 'b', silent: true })
    electron.shown[0]!.n.emit('click')
    expect(sent).toEqual([['notify:clicked', 'n1']])
  })
})
