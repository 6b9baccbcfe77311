/**
 * The pinned S3-compatible server the bucket tests store attachments in: Versity's gateway (Apache
 * 2.0), serving a folder as buckets. Built into `.tools/` on first use (go-tool.ts).
 */
import { answers, ensureGoTool } from './go-tool.ts'

export const VERSITYGW_VERSIONS = ['v1.8.0'] as const

export function ensureS3Server(log: (line: string) => void = console.log): string {
  return ensureGoTool(
    {
      name: 'versitygw',
      module: 'github.com/versity/versitygw/cmd/versitygw',
      versions: VERSITYGW_VERSIONS,
      builds: 'versitygw',
      // `go install` stamps no version into it (--version says "git"): the name in .tools/ is the pin.
      works: (binary) => answers(binary, ['--help'], 'Versity S3 Gateway'),
    },
    log,
  )
}
