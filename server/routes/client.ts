/** Serves the built renderer to browsers: guests from a link, and the e2e tests. */
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import { clientSecurityHeaders } from '../http/security-headers.ts'

const routes: FastifyPluginAsync<{ root: string }> = async (app, opts) => {
  // Built once: a bad LIVEKIT_URL fails the start, not every request.
  const headers = clientSecurityHeaders({ livekitUrls: [app.livekit.url] })
  // On every answer of this plugin (200, 304, 404 of a missing asset), not only on files found.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers)
    return payload
  })
  await app.register(fastifyStatic, {
    root: opts.root,
    index: ['index.html'],
    wildcard: false,
    cacheControl: false,
    // Asset names carry a content hash; index.html must always be revalidated to pick up a new build.
    setHeaders: (reply, path) => reply.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
  })
}

export default routes
