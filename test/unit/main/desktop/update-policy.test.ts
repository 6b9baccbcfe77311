import { describe, expect, it } from 'vitest'
import type { UpdateState } from '../../../../protocol/desktop-ipc.ts'
import { chooseFeed, initialUpdateState, nextUpdateState, type UpdaterEvent } from '../../../../main/desktop/update-policy.ts'

describe('update feed', () => {
  it('is off outside a packaged build and when turned off', () => {
    expect(chooseFeed({ OFFICE_UPDATE_URL: 'https://u.example/desktop' }, false)).toEqual({ enabled: false, reason: 'not a packaged build' })
    expect(chooseFeed({ OFFICE_UPDATES: 'off' }, true).enabled).toBe(false)
  })

  it('uses a generic URL or a GitHub repository from configuration, else the packaged feed', () => {
    expect(chooseFeed({ OFFICE_UPDATE_URL: 'https://updates.example.com/desktop/' }, true)).toEqual({ enabled: true, feed: { provider: 'generic', url: 'https://updates.example.com/desktop/' } })
    expect(chooseFeed({ OFFICE_UPDATE_GITHUB: 'acme/virtual-office' }, true)).toEqual({ enabled: true, feed: { provider: 'github', owner: 'acme', repo: 'virtual-office' } })
    expect(chooseFeed({}, true)).toEqual({ enabled: true, feed: null })
  })

  it.each([
    ['plain http', { OFFICE_UPDATE_URL: 'http://updates.example.com/' }],
    ['credentials', { OFFICE_UPDATE_URL: 'https://u:p@updates.example.com/' }],
    ['a file URL', { OFFICE_UPDATE_URL: 'file:///tmp/feed' }],
    ['not a URL', { OFFICE_UPDATE_URL: 'updates' }],
    ['a bad repository', { OFFICE_UPDATE_GITHUB: 'acme/../x y' }],
  ])('refuses %s, saying so', (_name, env) => {
    const choice = chooseFeed(env, true)
    expect(choice.enabled).toBe(false)
    expect(!choice.enabled && choice.reason).toMatch(/OFFICE_UPDATE_(URL|GITHUB)/)
  })

  it('allows plain http only to this machine', () => {
    expect(chooseFeed({ OFFICE_UPDATE_URL: 'http://127.0.0.1:8000/feed' }, true)).toMatchObject({ enabled: true })
  })
})

describe('update state', () => {
  const run = (events: UpdaterEvent[], from: UpdateState = initialUpdateState(true)) => events.reduce(nextUpdateState, from)

  it('downloads in the background and then offers a restart', () => {
    expect(run([{ type: 'checking' }, { type: 'available', version: '1.2.0' }, { type: 'progress', percent: 41.6 }])).toEqual({ phase: 'downloading', version: '1.2.0', percent: 42, error: null })
    expect(run([{ type: 'checking' }, { type: 'available', version: '1.2.0' }, { type: 'downloaded', version: '1.2.0' }])).toEqual({ phase: 'ready', version: '1.2.0', percent: 100, error: null })
  })

  it('keeps a downloaded update ready through later checks and errors', () => {
    expect(run([{ type: 'downloaded', version: '1.2.0' }, { type: 'checking' }, { type: 'error', message: 'offline' }, { type: 'not-available' }]).phase).toBe('ready')
  })

  it('says why a check failed, and recovers at the next one', () => {
    expect(run([{ type: 'checking' }, { type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' }])).toMatchObject({ phase: 'error', error: 'net::ERR_INTERNET_DISCONNECTED' })
    expect(run([{ type: 'error', message: 'x' }, { type: 'checking' }, { type: 'not-available' }])).toEqual(initialUpdateState(true))
  })

  it('stays disabled whatever happens', () => {
    expect(run([{ type: 'downloaded', version: '9' }], initialUpdateState(false)).phase).toBe('disabled')
  })
})
