/**
 * A throwaway PostgreSQL cluster for a test file: initdb into a temp folder, the real `postgres`
 * on 127.0.0.1 and a free port (run as the `postgres` user when we are root, since PostgreSQL
 * refuses to run as root), a fresh database per store under test, and everything stopped and
 * removed at the end. Durability is traded for speed (fsync off): the tests crash no machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { ensurePostgres } from '../../scripts/lib/postgres.ts'
import { freeTcpPort } from './ports.ts'

export interface PostgresCluster {
  /** The server's own database, for administration (CREATE DATABASE …). */
  adminUrl: string
  port: number
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>
  /** Stops the server at once (as a crash would) and removes its folder. */
  stop(): Promise<void>
}

const READY = /database system is ready to accept connections/
const STARTUP_MS = 30_000

/** The command prefix that runs a PostgreSQL binary as `postgres` when we are root, or as ourselves. */
function asPostgres(): { prefix: string[]; owner: { uid: number; gid: number } | null } {
  if (process.getuid?.() !== 0) return { prefix: [], owner: null }
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const uid = id('-u')
  if (!Number.isInteger(uid) || uid === 0) throw new Error('running as root needs a `postgres` user to run PostgreSQL as (Debian postgresql creates it)')
  return { prefix: ['setpriv', `--reuid=${uid}`, `--regid=${id('-g')}`, '--init-groups'], owner: { uid, gid: id('-g') } }
}

function run(prefix: string[], command: string, args: string[]): void {
  const [cmd, ...rest] = [...prefix, command, ...args]
  const result = spawnSync(cmd!, rest, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}): ${`${result.stderr}${result.stdout}`.trim().split('\n').slice(-5).join('\n')}`)
}

/** Waits for PostgreSQL's "ready" line; rejects when it exits first or takes too long. */
function untilReady(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`postgres did not accept connections within ${STARTUP_MS / 1000} s:\n${log()}`)), STARTUP_MS)
    const onData = () => READY.test(log()) && done()
    const onExit = (code: number | null) => done(new Error(`postgres exited (${code}) before accepting connections:\n${log()}`))
    const done = (err?: Error) => {
      clearTimeout(timer)
      child.stderr!.off('data', onData)
      child.off('exit', onExit)
      if (err) reject(err)
      else resolve()
    }
    child.stderr!.on('data', onData)
    child.once('exit', onExit)
  })
}

/** Starts a fresh cluster; the caller stops it (storeKinds() does, after the file's tests). */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = ensurePostgres()
  const { prefix, owner } = asPostgres()
  const dir = mkdtempSync(join(tmpdir(), 'office-pg-'))
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const data = join(dir, 'data')
  try {
    run(prefix, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C', '--no-instructions'])
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    throw err
  }

  // A port found free can be taken before postgres binds it: try another a few times.
  for (let attempt = 1; ; attempt++) {
    const port = await freeTcpPort()
    const args = ['-D', data, '-k', dir, '-h', '127.0.0.1', '-p', String(port), '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']
    const [cmd, ...rest] = [...prefix, join(bin, 'postgres'), ...args]
    const child = spawn(cmd!, rest, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)))
    const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())))
    try {
      await untilReady(child, () => stderr)
    } catch (err) {
      child.kill('SIGKILL')
      await exited
      if (attempt < 3 && /could not bind|Address already in use/.test(stderr)) continue
      rmSync(dir, { recursive: true, force: true })
      throw err
    }
    return cluster(child, exited, dir, port)
  }
}

function cluster(child: ChildProcess, exited: Promise<void>, dir: string, port: number): PostgresCluster {
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  const admin = new pg.Client({ connectionString: adminUrl })
  // A cluster stopped under the admin connection ends it; that is not an error of the test.
  admin.on('error', () => {})
  let connected: Promise<unknown> | null = null
  let databases = 0
  // A test process that ends without stopping it (a crash, an interrupted run) leaves no server behind.
  const orphaned = () => child.kill('SIGQUIT')
  process.once('exit', orphaned)
  return {
    adminUrl,
    port,
    async createDatabase() {
      await (connected ??= admin.connect())
      const name = `store_${++databases}`
      await admin.query(`create database ${name}`)
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async stop() {
      process.off('exit', orphaned)
      if (connected) await admin.end().catch(() => {})
      // SIGQUIT is PostgreSQL's immediate shutdown (pg_ctl stop -m immediate): nothing to keep.
      if (child.exitCode === null) child.kill('SIGQUIT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
