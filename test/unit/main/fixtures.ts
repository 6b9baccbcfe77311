/** Shared test data and temp dirs for the main-process unit tests. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import type { Member, Workspace } from '../../../protocol/api.ts'
import type { Floor } from '../../../protocol/floor/records.ts'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh directory removed after the current test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vo-main-'))
  made.push(dir)
  return dir
}

export const workspace: Workspace = { id: 'ws_acme', name: 'Acme', createdAt: 1_700_000_000_000 }

export function floor(version: number, overrides: Partial<Floor> = {}): Floor {
  return {
    id: 'floor_main',
    name: 'Main floor',
    version,
    width: 2000,
    height: 1200,
    rooms: [
      {
        id: 'room_lounge',
        name: 'Lounge',
        kind: 'lounge',
        x: 10,
        y: 20,
        width: 300,
        height: 200,
        capacity: 12,
        locked: false,
        ownerId: null,
        allowed: [],
      },
    ],
    desks: [{ id: 'desk_1', label: 'Desk 1', x: 500, y: 400, rotation: 90, assigneeId: 'mem_ana' }],
    ...overrides,
  }
}

export function member(id: string, overrides: Partial<Member> = {}): Member {
  return { id, workspaceId: workspace.id, name: id.slice(4), role: 'member', colour: '#336699', deskId: null, lastSeenAt: null, ...overrides }
}
