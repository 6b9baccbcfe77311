/** Where the Electron binary is, if it was ever downloaded (npm installs only its JavaScript). */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './system.ts'

export function electronBinary(): string | null {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, relative)
  return existsSync(binary) ? binary : null
}
