import { describe, expect, it } from 'vitest'
import { HOST_EVENTS, INVOKE_CHANNELS, isHostEvent, isInvokeChannel } from '../../../protocol/ipc-names.ts'
import { hostEvents, invokeChannels } from '../../../protocol/ipc.ts'

describe("the preload's list of IPC names", () => {
  it('names every channel of the contract, and nothing else', () => expect([...INVOKE_CHANNELS].sort()).toEqual(Object.keys(invokeChannels).sort()))
  it('names every host event of the contract, and nothing else', () => expect([...HOST_EVENTS].sort()).toEqual(Object.keys(hostEvents).sort()))
  it('refuses what is not a name, including what every object inherits', () => {
    expect(isInvokeChannel('app:boot')).toBe(true)
    expect(isHostEvent('deeplink:opened')).toBe(true)
    for (const name of ['toString', '__proto__', 'constructor', 'secret:dump', '', 42, null]) {
      expect(isInvokeChannel(name)).toBe(false)
      expect(isHostEvent(name)).toBe(false)
    }
  })
})
