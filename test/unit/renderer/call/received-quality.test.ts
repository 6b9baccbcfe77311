import { ConnectionQuality } from 'livekit-client'
import { describe, expect, it } from 'vitest'
import { rateReception, type Reception } from '../../../../renderer/call/received-quality.ts'

const at = (packetsReceived: number, packetsLost = 0, jitter = 0.005): Reception => ({ packetsReceived, packetsLost, jitter })

describe('a person rated by what arrives from them', () => {
  it('rates a clean stream excellent', () => {
    expect(rateReception(at(1000), at(1150))).toBe(ConnectionQuality.Excellent)
  })

  it('rates a few percent of loss good, and a tenth or more poor', () => {
    expect(rateReception(at(1000, 0), at(1150, 5))).toBe(ConnectionQuality.Good)
    expect(rateReception(at(1000, 0), at(1150, 20))).toBe(ConnectionQuality.Poor)
  })

  it('rates heavy jitter down even without loss', () => {
    expect(rateReception(at(1000), at(1150, 0, 0.05))).toBe(ConnectionQuality.Good)
    expect(rateReception(at(1000), at(1150, 0, 0.2))).toBe(ConnectionQuality.Poor)
  })

  it('calls it lost when packets go missing and none arrive', () => {
    expect(rateReception(at(1000, 0), at(1000, 30))).toBe(ConnectionQuality.Lost)
  })

  it('says nothing from a silence with no loss, or from counters that restarted', () => {
    expect(rateReception(at(1000), at(1000))).toBe(ConnectionQuality.Unknown)
    expect(rateReception(at(1000), at(10))).toBe(ConnectionQuality.Unknown)
  })
})
