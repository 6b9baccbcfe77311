/**
 * OFFICE_TRUST_PROXY → Fastify's trustProxy: which reverse proxies in front of the server may say
 * who the client is (X-Forwarded-For, -Proto, -Host). Rate limits key on that address, so trusting
 * anyone else would let every client pick its own.
 */
import { isIP } from 'node:net'

/** What Fastify's trustProxy takes (the function decides per address and hop, nearest first). */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean)

/** proxy-addr's names for address ranges, which Fastify accepts in the list too. */
const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * Unset, empty or `false`: trust nobody. `true`: any proxy (only when nothing else can reach the
 * server). A number: that many proxies in front. Otherwise a comma-separated list of addresses,
 * CIDR ranges or the names above.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? ''
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  if (/^\d+$/.test(text)) {
    // Fastify's hop count, as a function: its type does not take a number.
    const hops = Number(text)
    return (_address, hop) => hop < hops
  }
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean)
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const family = isIP(address ?? '')
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
    if (!NAMED.has(entry) && (family === 0 || !validBits || extra !== undefined)) {
      throw new Error(`OFFICE_TRUST_PROXY: "${entry}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`)
    }
  }
  return entries
}
