/**
 * Profiles as the API shows them: the store's record joined with what others own — the name and
 * colour from the member directory, the company from companies, the desk from the floor plan.
 * One read of each per request, however many people are listed.
 */
import type { FastifyInstance } from 'fastify'
import type { Floor } from '../../protocol/floor/records.ts'
import { photoPath, type Profile } from '../../protocol/profiles.ts'
import { deskOf } from '../floor/edits.ts'
import type { MemberRecord } from '../store/store.ts'
import type { ProfileRecord } from '../store/profiles-store.ts'

export interface ProfileContext {
  workspaceId: string
  members: Map<string, MemberRecord>
  floors: readonly Floor[]
  companies: Map<string, { id: string; name: string; admins: string[]; members: string[] }>
  companyOf: Map<string, { companyId: string; admin: boolean }>
}

export async function profileContext(app: FastifyInstance, workspaceId: string): Promise<ProfileContext> {
  const [members, floors, companies, companyOf] = await Promise.all([
    app.store.listMembers(workspaceId),
    app.store.listFloors(workspaceId),
    app.store.listCompanies(workspaceId),
    app.store.companyOfMembers(workspaceId),
  ])
  return { workspaceId, members: new Map(members.map((m) => [m.id, m])), floors, companies: new Map(companies.map((c) => [c.id, c])), companyOf }
}

/** The wire profile, or null for someone the directory does not list (a guest, someone gone). */
export function toWireProfile(ctx: ProfileContext, p: ProfileRecord): Profile | null {
  const member = ctx.members.get(p.memberId)
  if (!member || member.role === 'guest') return null
  const membership = ctx.companyOf.get(p.memberId)
  const company = membership ? ctx.companies.get(membership.companyId) : undefined
  return {
    memberId: p.memberId,
    name: member.name,
    colour: member.colour,
    title: p.title,
    company: company ? { id: company.id, name: company.name } : null,
    companyAdmin: !!company && !!membership?.admin,
    timeZone: p.timeZone,
    about: p.about,
    interests: p.interests,
    skills: p.skills,
    links: p.links,
    photoUrl: p.photoVersion ? photoPath(ctx.workspaceId, p.memberId, p.photoVersion) : null,
    deskId: deskOf(ctx.floors, p.memberId),
  }
}

export const wireProfiles = (ctx: ProfileContext, list: readonly ProfileRecord[]): Profile[] =>
  list.map((p) => toWireProfile(ctx, p)).filter((p): p is Profile => p !== null)

/** A company's area: its rooms and desks, floor by floor (floors where it has none left out). */
export function companyArea(floors: readonly Floor[], companyId: string) {
  return floors
    .map((f) => ({
      floorId: f.id,
      floorName: f.name,
      rooms: f.rooms.filter((r) => r.companyId === companyId).map((r) => ({ id: r.id, name: r.name })),
      desks: f.desks.filter((d) => d.companyId === companyId).map((d) => ({ id: d.id, name: d.label })),
    }))
    .filter((a) => a.rooms.length + a.desks.length > 0)
}
