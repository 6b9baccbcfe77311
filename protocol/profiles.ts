/**
 * Profiles and the directory (issue 13): the HTTP contract shared by the server's routes and the
 * renderer. A profile is what a member says about themselves (title, time zone, about, interests,
 * skills, links, a photo); their name and company are read-only here (the account's name, and the
 * company that holds them). Every field is bounded; guests have no profile and see no directory.
 *
 * Photos are served at `/api/workspaces/{ws}/photos/{memberId}?v={version}` (`photoPath`): the
 * version changes with every upload, so a browser may keep one for as long as it likes.
 */
import Type, { type Static } from 'typebox'
import { MemberIdSchema } from './floor/records.ts'

export const PROFILE_LIMITS = {
  title: 80,
  about: 1_000,
  tag: 32,
  tags: 12,
  link: 300,
  links: 5,
  timeZone: 64,
  /** Largest photo upload, in bytes, and in pixels (width × height) before it is resized. */
  photoBytes: 8 * 1024 * 1024,
  photoPixels: 40_000_000,
  /** Served photos are this many pixels square. */
  photoSize: 256,
  /** Photo uploads one member may make per window (decoding and resizing cost the server), then 429. */
  photoRate: { limit: 10, windowMs: 10 * 60_000 },
  /** Directory answers at most this many people. */
  results: 200,
} as const

/** A short tag ("TypeScript", "rock climbing"); the server trims it and refuses control characters. */
export const TagSchema = Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.tag })
const Tags = Type.Array(TagSchema, { maxItems: PROFILE_LIMITS.tags })
/** An IANA time zone name ("Europe/Paris"); the server also checks that Intl knows it. */
export const TimeZoneSchema = Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.timeZone, pattern: '^[A-Za-z][A-Za-z0-9_+/-]*$' })
/** An http or https address (the server also parses it). */
export const LinkSchema = Type.String({ minLength: 8, maxLength: PROFILE_LIMITS.link, pattern: '^[hH][tT][tT][pP][sS]?://\\S+$' })

/** `PATCH /api/workspaces/{ws}/profile`: the caller's own profile, only the fields sent change. */
export const ProfileChangesSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: PROFILE_LIMITS.title })),
    timeZone: Type.Optional(Type.Union([TimeZoneSchema, Type.Null()])),
    about: Type.Optional(Type.String({ maxLength: PROFILE_LIMITS.about })),
    interests: Type.Optional(Tags),
    skills: Type.Optional(Tags),
    links: Type.Optional(Type.Array(LinkSchema, { maxItems: PROFILE_LIMITS.links })),
  },
  { additionalProperties: false },
)
export type ProfileChanges = Static<typeof ProfileChangesSchema>

export const CompanyRefSchema = Type.Object({ id: Type.String({ maxLength: 64 }), name: Type.String({ maxLength: 200 }) })
export type CompanyRef = Static<typeof CompanyRefSchema>

export const ProfileSchema = Type.Object({
  memberId: MemberIdSchema,
  name: Type.String({ maxLength: 200 }),
  colour: Type.String({ maxLength: 16 }),
  title: Type.String({ maxLength: PROFILE_LIMITS.title }),
  /** The company that holds them (companies decide it), or null. */
  company: Type.Union([CompanyRefSchema, Type.Null()]),
  companyAdmin: Type.Boolean(),
  timeZone: Type.Union([TimeZoneSchema, Type.Null()]),
  about: Type.String({ maxLength: PROFILE_LIMITS.about }),
  interests: Tags,
  skills: Tags,
  links: Type.Array(LinkSchema, { maxItems: PROFILE_LIMITS.links }),
  photoUrl: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
  deskId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
})
export type Profile = Static<typeof ProfileSchema>

/** `GET /api/workspaces/{ws}/profiles`: the filters, all optional and combined with "and". */
export const DirectoryQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    company: Type.Optional(Type.String({ maxLength: 64 })),
    interest: Type.Optional(TagSchema),
    skill: Type.Optional(TagSchema),
    timeZone: Type.Optional(TimeZoneSchema),
  },
  { additionalProperties: false },
)
export type DirectoryQuery = Static<typeof DirectoryQuerySchema>

export const CompanySummarySchema = Type.Object({ id: Type.String({ maxLength: 64 }), name: Type.String({ maxLength: 200 }), members: Type.Integer({ minimum: 0 }) })
export type CompanySummary = Static<typeof CompanySummarySchema>

export const DirectorySchema = Type.Object({
  people: Type.Array(ProfileSchema),
  /** Companies whose name matches `q` (all of them without one). */
  companies: Type.Array(CompanySummarySchema),
  /** What the filters can choose from: every company, and every interest, skill and time zone someone has. */
  facets: Type.Object({ companies: Type.Array(CompanySummarySchema), interests: Type.Array(Type.String()), skills: Type.Array(Type.String()), timeZones: Type.Array(Type.String()) }),
})
export type Directory = Static<typeof DirectorySchema>

const Place = Type.Object({ id: Type.String({ maxLength: 64 }), name: Type.String({ maxLength: 200 }) })
/** `GET /api/workspaces/{ws}/profiles/companies/{companyId}`: who is in it, their area, and who to ask. */
export const CompanyPageSchema = Type.Object({
  id: Type.String({ maxLength: 64 }),
  name: Type.String({ maxLength: 200 }),
  people: Type.Array(ProfileSchema),
  /** Its company admins' member ids: the people to reach about it. */
  admins: Type.Array(MemberIdSchema),
  /** Rooms and desks tagged with the company, by floor. */
  area: Type.Array(Type.Object({ floorId: Type.String(), floorName: Type.String(), rooms: Type.Array(Place), desks: Type.Array(Place) })),
})
export type CompanyPage = Static<typeof CompanyPageSchema>

export const PhotoSchema = Type.Object({ photoUrl: Type.Union([Type.String(), Type.Null()]) })

/** Where a member's photo is served, with the version that busts caches. */
export const photoPath = (ws: string, memberId: string, version: string): string =>
  `/api/workspaces/${encodeURIComponent(ws)}/photos/${encodeURIComponent(memberId)}?v=${encodeURIComponent(version)}`
