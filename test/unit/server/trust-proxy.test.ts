/** OFFICE_TRUST_PROXY as Fastify's trustProxy: nobody by default, and a clear error for a value that names no proxy. */
import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from '../../../server/trust-proxy.ts'

describe('OFFICE_TRUST_PROXY', () => {
  it.each([undefined, '', '  ', 'false'])('trusts no proxy when it is %j', (value) => {
    expect(parseTrustProxy(value)).toBe(false)
  })

  it('trusts any proxy for "true", and a list of addresses, CIDR ranges and named ranges as given', () => {
    expect(parseTrustProxy('true')).toBe(true)
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback'])
  })

  it('trusts as many proxies as a number says, nearest first', () => {
    const trust = parseTrustProxy('2')
    if (typeof trust !== 'function') throw new Error('a hop count becomes a function')
    expect([0, 1, 2, 3].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false, false])
  })

  it.each(['proxy.example.com', '10.0.0.256', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', 'yes'])('refuses %j, naming it', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(`OFFICE_TRUST_PROXY: "${value}" is not`)
  })
})
