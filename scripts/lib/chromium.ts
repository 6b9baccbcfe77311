/** Finds Debian's Chromium for the e2e tests and benchmarks, installing it when we are root. */
import { existsSync } from 'node:fs'
import { aptInstall } from './system.ts'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export function ensureChromium(log: (line: string) => void = console.log): string {
  const configured = process.env.CHROMIUM_PATH
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`)
    return configured
  }
  const found = CANDIDATES.find((p) => existsSync(p))
  if (found) return found
  log('setup: Chromium is missing; installing Debian chromium')
  aptInstall(['chromium', 'fonts-liberation'], 'Chromium (or set CHROMIUM_PATH)')
  const installed = CANDIDATES.find((p) => existsSync(p))
  if (!installed) throw new Error('apt-get installed chromium but no chromium binary was found')
  return installed
}
