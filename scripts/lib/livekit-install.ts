/** The pinned livekit-server, built into `.tools/` on first use (go-tool.ts). */
import { answers, ensureGoTool, toolsDir } from './go-tool.ts'

export { toolsDir }

export const LIVEKIT_VERSIONS = ['v1.13.5', 'v1.13.3'] as const

/** Returns the path of a working livekit-server binary, building it on first use. */
export function ensureLivekitServer(log: (line: string) => void = console.log): string {
  return ensureGoTool(
    {
      name: 'livekit-server',
      module: 'github.com/livekit/livekit-server/cmd/server',
      versions: LIVEKIT_VERSIONS,
      builds: 'server',
      works: (binary, version) => answers(binary, ['--version'], version.slice(1)),
    },
    log,
  )
}
