/**
 * Message inserts per second in the server's store, on SQLite (a real file, synchronous=FULL) and
 * on PostgreSQL (a real cluster): each insert is one transaction that takes the workspace's next
 * seq, checks the clientId and writes the message and the full-text index. One writer at a time,
 * then several at once (as several requests or server instances would), the latter showing what
 * the per-workspace seq costs when writers queue on it.
 */
import { join } from 'node:path'
import { starterFloor } from '../../server/floor/starter.ts'
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import type { Store } from '../../server/store/store.ts'
import { startPostgres } from '../support/postgres.ts'
import { tempDir } from '../support/temp.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'

const SEQUENTIAL = 2_000
const CONCURRENT = 4_000
const WRITERS = 16
const BODY = 'Standup in five minutes: bring the roadmap notes and the numbers from last week, please.'

async function seed(store: Store): Promise<void> {
  await store.createWorkspace({ id: 'ws_bench', name: 'Bench', createdAt: Date.now() },
    { memberId: 'mem_owner', role: 'owner', rooms: [], account: { id: 'acc_owner', email: 'o@example.com', name: 'Owner', passwordHash: 'x', colour: '#000000' } }, starterFloor('mem_owner'))
}

let n = 0
const insert = async (store: Store) => {
  const i = ++n
  const out = await store.postMessage('ws_bench', {
    id: `msg_b${i}`, conversationId: 'ch_general', authorId: 'mem_owner', clientId: `bench-client-${i}`, body: `${BODY} #${i}`,
    threadId: null, createdAt: Date.now(), mentions: [], mentionsAll: false, attachments: [],
  })
  if (out.kind !== 'posted') throw new Error(`insert ${i}: ${out.kind}`)
}

async function measure(name: string, store: Store): Promise<Row[]> {
  for (let i = 0; i < 100; i++) await insert(store) // warm up
  const times: number[] = []
  const start = performance.now()
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t = performance.now()
    await insert(store)
    times.push(performance.now() - t)
  }
  const sequential = (SEQUENTIAL * 1000) / (performance.now() - start)
  const s = summary(times)
  const startC = performance.now()
  let left = CONCURRENT
  await Promise.all(Array.from({ length: WRITERS }, async () => {
    while (left-- > 0) await insert(store)
  }))
  const concurrent = (CONCURRENT * 1000) / (performance.now() - startC)
  return [{
    figure: `chat message inserts, ${name}`,
    value: `${sequential.toFixed(0)} msg/s one writer (p50 ${ms(s.p50)}, p99 ${ms(s.p99)}); ${concurrent.toFixed(0)} msg/s with ${WRITERS} writers`,
    comparison: `each a transaction with the workspace's next seq, the clientId check and the search index; ${SEQUENTIAL} + ${CONCURRENT} inserts into one workspace`,
  }]
}

export const chatInserts: Benchmark = {
  name: 'chat inserts',
  async run() {
    const rows: Row[] = []
    const dir = tempDir('bench-chat-')
    const sqlite = openSqliteStore(join(dir.path, 'office.db'))
    try {
      await seed(sqlite)
      rows.push(...(await measure('SQLite', sqlite)))
    } finally {
      sqlite.close()
      dir.remove()
    }
    const cluster = await startPostgres()
    try {
      const pg = await openPostgresStore(await cluster.createDatabase(), { maxConnections: WRITERS })
      try {
        await seed(pg)
        rows.push(...(await measure('PostgreSQL', pg)))
      } finally {
        await pg.close()
      }
    } finally {
      await cluster.stop()
    }
    return rows
  },
}
