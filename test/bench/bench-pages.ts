/**
 * The benchmark pages (test/bench/pages/*.html), built by Vite into out/bench/ at bench time and
 * served from a loopback static server, the way the desktop bundle is served in tests.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { root } from '../../scripts/lib/system.ts'

const pagesDir = join(root, 'test', 'bench', 'pages')
const outDir = join(root, 'out', 'bench')
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

/** Builds the pages named (without .html) with the renderer's own Vite setup (React plugin, production mode). */
export async function buildPages(...names: string[]): Promise<void> {
  // Loaded here, not at the top: `npm run bench` imports every benchmark, most never build a page.
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')])
  await build({
    configFile: false,
    root: pagesDir,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      // The pages bundle the whole renderer (livekit-client included); size is not what they measure.
      chunkSizeWarningLimit: 4_000,
      rolldownOptions: { input: Object.fromEntries(names.map((n) => [n, join(pagesDir, `${n}.html`)])) },
    },
  })
}

export interface StaticSite {
  url: string
  close(): Promise<void>
}

/** Serves out/bench on 127.0.0.1 at an ephemeral port. */
export async function servePages(): Promise<StaticSite> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    const file = join(outDir, path)
    if (!file.startsWith(outDir)) return void res.writeHead(404).end()
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
