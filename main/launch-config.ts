/**
 * What the app was started with: the workspace server, the LiveKit server (for the CSP), the dev
 * renderer URL and the debug flag. A command-line `--server=URL` wins over `OFFICE_SERVER_URL`,
 * so one installed app can be pointed elsewhere without touching the environment.
 */
export interface LaunchConfig {
  serverUrl: string
  livekitUrl: string
  /** electron-vite dev sets ELECTRON_RENDERER_URL; null means load the built bundle. */
  rendererDevUrl: string | null
  debug: boolean
}

export const defaultServerUrl = 'http://127.0.0.1:8080'
export const defaultLivekitUrl = 'ws://127.0.0.1:7880'

type Env = Readonly<Record<string, string | undefined>>

function flag(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`
  return argv.findLast((a) => a.startsWith(prefix))?.slice(prefix.length)
}

function checkedUrl(value: string, label: string, protocols: readonly string[]): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${label} is not a URL: ${value}`)
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${label} must use ${protocols.join(' or ')}: ${value}`)
  // Keep any path prefix (a server behind /office) but drop the trailing slash the parser adds.
  return url.href.replace(/\/$/, '')
}

export function readLaunchConfig(env: Env, argv: readonly string[], isPackaged: boolean): LaunchConfig {
  const server = flag(argv, 'server') ?? env.OFFICE_SERVER_URL ?? defaultServerUrl
  const livekit = flag(argv, 'livekit') ?? env.OFFICE_LIVEKIT_URL ?? defaultLivekitUrl
  // A packaged app never loads a renderer from an env-supplied URL: that would hand the bridge to any page.
  const devUrl = isPackaged ? undefined : env.ELECTRON_RENDERER_URL
  return {
    serverUrl: checkedUrl(server, 'server URL', ['http:', 'https:']),
    livekitUrl: checkedUrl(livekit, 'LiveKit URL', ['ws:', 'wss:', 'http:', 'https:']),
    rendererDevUrl: devUrl ? checkedUrl(devUrl, 'ELECTRON_RENDERER_URL', ['http:', 'https:']) : null,
    debug: argv.includes('--debug') || env.OFFICE_DEBUG === '1' || !isPackaged,
  }
}
