import { describe, expect, it } from 'vitest'
import { redisAddress } from '../../../scripts/lib/redis-url.ts'

describe('REDIS_URL for npm start', () => {
  it('gives LiveKit host:port, 6379 by default', () => {
    expect(redisAddress('redis://10.0.0.5:6380')).toBe('10.0.0.5:6380')
    expect(redisAddress('redis://redis.internal')).toBe('redis.internal:6379')
  })

  it('refuses what the bundled LiveKit config cannot carry, naming REDIS_URL', () => {
    expect(() => redisAddress('not a url')).toThrow(/REDIS_URL is not a URL/)
    expect(() => redisAddress('rediss://r:6379')).toThrow(/REDIS_URL must start with redis:\/\//)
    expect(() => redisAddress('redis://:secret@r:6379')).toThrow(/REDIS_URL with a user or password/)
  })
})
