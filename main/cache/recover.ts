/**
 * Recognising a broken cache file and moving it out of the way. Only known corruption signals
 * count (Mozilla application-services ADR-0002): a busy, full or failing disk is not corruption,
 * and moving the file aside for those would throw away a good cache.
 */
import fs from 'node:fs'
import path from 'node:path'
import { FutureVersionError } from './migrations/index.ts'

/** `pragma quick_check` answered something other than 'ok'. */
export class QuickCheckError extends Error {
  readonly findings: readonly string[]
  constructor(findings: readonly string[]) {
    super(`quick_check failed: ${findings.slice(0, 3).join('; ')}`)
    this.name = 'QuickCheckError'
    this.findings = findings
  }
}

const corruptCodes = /^SQLITE_(NOTADB|CORRUPT)/

/** Why `err` means the file must be rebuilt, or null when it must be rethrown instead. */
export function corruptionReason(err: unknown): string | null {
  if (err instanceof QuickCheckError) return err.message
  // The cache is rebuilt from the server, so a file from a newer app is moved aside, not refused
  // as Signal refuses it: there is nothing in it that the server does not also have.
  if (err instanceof FutureVersionError) return err.message
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && corruptCodes.test(err.code)) {
    return `${err.code}: ${err.message}`
  }
  return null
}

const sidecars = ['', '-wal', '-shm'] as const

/** Deletes the copies of `file` moved aside (with their -wal and -shm files). */
export function removeAsideCopies(file: string): void {
  const dir = path.dirname(file)
  const prefix = `${path.basename(file)}.corrupt-`
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true })
  }
}

/**
 * Renames `file`, `file-wal` and `file-shm` to `file.corrupt-<now>` (+ the same suffixes) and
 * deletes older aside copies, so repeated corruption cannot fill the disk. Returns the new name.
 */
export function moveAside(file: string, now: number): string {
  removeAsideCopies(file)
  const movedTo = `${file}.corrupt-${now}`
  for (const suffix of sidecars) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, movedTo + suffix)
  }
  return movedTo
}
