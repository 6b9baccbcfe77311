import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// Reads renderer/theme/tokens.css the way the browser would for each theme: the light values
// (plain :root) first, then the block a theme's selector picks, so tests check the shipped file.
const path = fileURLToPath(new URL('../../../../renderer/theme/tokens.css', import.meta.url))

export type Tokens = Record<string, string>

export function tokensCss(): string {
  return readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
}

function declarations(body: string): Tokens {
  const out: Tokens = {}
  for (const [, name = '', value = ''] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[name] = value.trim()
  return out
}

/** Every top-level or @media-nested block whose selector text matches, in file order. */
export function blocks(css: string, selector: RegExp): Tokens[] {
  const found: Tokens[] = []
  for (const [, head = '', body = ''] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (selector.test(head.trim())) found.push(declarations(body))
  }
  return found
}

export function theme(name: 'light' | 'dark' | 'contrast'): Tokens {
  const css = tokensCss()
  const light = blocks(css, /^:root,\s*:root\[data-theme='light'\]$/)
  const own = name === 'light' ? [] : blocks(css, new RegExp(`^:root\\[data-theme='${name}'\\]$`))
  if (light.length !== 1 || (name !== 'light' && own.length !== 1)) throw new Error(`theme ${name} not found once`)
  return { ...light[0], ...own[0] }
}
