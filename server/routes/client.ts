/** Serves the built renderer to browsers: guests from a link, and the e2e tests. */
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'

const routes: FastifyPluginAsync<{ root: string }> = async (app, opts) => {
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
