/** Process entry: environment → buildApp → listen; closes gracefully on SIGINT/SIGTERM. */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildApp } from './app.ts'
import { s3BlobStore, s3SettingsFromEnv } from './chat/s3-blobs.ts'
import { describeMailServer, mailSettingsFromEnv } from './community/mail-settings.ts'
import { smtpMailer } from './community/mailer.ts'
import { openStore } from './store/open.ts'
import { parseTrustProxy } from './trust-proxy.ts'

const env = process.env
const required = (name: string): string => {
  const value = env[name]
  if (!value) {
    console.error(`server: ${name} is not set (the LiveKit URL, API key and secret are required)`)
    process.exit(2)
  }
  return value
}

const dataDir = resolve(env.OFFICE_DATA_DIR ?? './data')
mkdirSync(dataDir, { recursive: true })
const port = Number(env.OFFICE_PORT ?? 8080)
const host = env.OFFICE_HOST ?? '127.0.0.1'

const fromEnv = <T>(what: () => T): T => {
  try {
    return what()
  } catch (err) {
    console.error(`server: ${(err as Error).message}`)
    process.exit(2)
  }
}
const trustProxy = fromEnv(() => parseTrustProxy(env.OFFICE_TRUST_PROXY))
// For tests only (they hash hundreds of passwords): log2 of scrypt's N. Below 17 is too cheap for real use.
const passwordCost = fromEnv(() => {
  const cost = Number(env.OFFICE_TEST_PASSWORD_COST ?? 17)
  if (!Number.isInteger(cost) || cost < 10 || cost > 20) throw new Error('OFFICE_TEST_PASSWORD_COST must be an integer from 10 to 20')
  return cost
})

// A bearer token guessable by trying is no protection: the metrics name routes and load.
const metricsToken = fromEnv(() => {
  const token = env.OFFICE_METRICS_TOKEN || null
  if (token !== null && token.length < 16) throw new Error('OFFICE_METRICS_TOKEN must be at least 16 characters (or unset, for no /metrics)')
  return token
})

const s3 = fromEnv(() => s3SettingsFromEnv(env))
// Open events' reminder emails: OFFICE_SMTP_URL and OFFICE_MAIL_FROM, or neither (no email).
const mail = fromEnv(() => mailSettingsFromEnv(env))

// DATABASE_URL (postgres://…): a PostgreSQL shared by several instances; unset: the embedded SQLite file.
const sqliteFile = join(dataDir, 'office.db')
const store = await openStore({ databaseUrl: env.DATABASE_URL, sqliteFile }).catch((err: unknown) => {
  // A store from a newer server, a file that is not a database, an unreachable PostgreSQL: say so and leave it untouched.
  console.error(`server: ${env.DATABASE_URL?.trim() ? '' : `cannot open ${sqliteFile}: `}${(err as Error).message}`)
  process.exit(2)
})

const app = await buildApp({
  store,
  livekit: { url: required('LIVEKIT_URL'), apiKey: required('LIVEKIT_API_KEY'), apiSecret: required('LIVEKIT_API_SECRET') },
  clientDir: env.OFFICE_CLIENT_DIR ? resolve(env.OFFICE_CLIENT_DIR) : null,
  origins: (env.OFFICE_ORIGINS ?? 'app://bundle').split(',').map((o) => o.trim()).filter(Boolean),
  publicUrl: env.OFFICE_PUBLIC_URL ?? null,
  version: env.npm_package_version ?? '0.0.0',
  logger: env.OFFICE_LOG !== 'silent',
  trustProxy,
  passwordCost,
  metricsToken,
  // Chat attachments' bytes: an S3-compatible bucket (OFFICE_S3_*), or a folder (OFFICE_ATTACHMENTS_DIR)
  // that several instances share.
  ...(s3 ? { blobs: s3BlobStore(s3) } : { attachmentsDir: resolve(env.OFFICE_ATTACHMENTS_DIR ?? join(dataDir, 'attachments')) }),
  mail: mail ? { mailer: smtpMailer(mail) } : null,
})
app.log.info(mail ? `reminder emails to open events' guests go through ${describeMailServer(mail)}`
  : 'OFFICE_SMTP_URL is not set: no reminder emails are sent (event guests see the reminder in their event page)')

const close = async (signal: string) => {
  app.log.info(`${signal}: closing`)
  await app.close()
  process.exit(0)
}
process.once('SIGINT', () => void close('SIGINT'))
process.once('SIGTERM', () => void close('SIGTERM'))

const address = await app.listen({ port, host })
// One parseable line for whoever started us (scripts/start, tests).
console.log(`office server listening on ${address}`)
