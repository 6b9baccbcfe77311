/**
 * Community (issue 13): interest groups, events with RSVP, open events, and guest links. The HTTP
 * contract and the live notices, shared by the server's routes and the renderer.
 *
 * Guests hold a timed pass: a guest link's window, or an open event's time. Outside it their link
 * is refused, and at its end the server removes them (LiveKit and API alike).
 * Live notices go on the lobby's `community` topic, server-sent, carrying the record itself.
 */
import Type, { type Static } from 'typebox'
import { MemberIdSchema, RoomIdSchema } from './floor/records.ts'
import { DeadlineIdSchema, DeadlineSchema } from './deadlines.ts'
import { topics } from './presence.ts'

/** The reminder of an event comes this long before it starts. */
export const REMINDER_LEAD_MS = 5 * 60_000
/** Longest a guest link's window or an event may last. */
export const MAX_WINDOW_MS = 31 * 24 * 3_600_000
/** Most people an event may take. */
export const MAX_EVENT_CAPACITY = 1_000
/** The lobby topic of community notices (server-sent only). */
export const COMMUNITY_TOPIC = topics.community
/** Largest community notice a client accepts. */
export const MAX_COMMUNITY_NOTICE_BYTES = 15_000

export const EventIdSchema = Type.String({ pattern: '^ev_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
export const GroupIdSchema = Type.String({ pattern: '^grp_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
export const GuestLinkIdSchema = Type.String({ pattern: '^gl_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
/** A link's secret part (as invites make them). */
export const LinkCodeSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}$' })
const Time = Type.Integer({ minimum: 0, maximum: 8_640_000_000_000 })
const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' })

export const GroupSchema = Type.Object({
  id: GroupIdSchema,
  name: Type.String({ maxLength: 64 }),
  description: Type.String({ maxLength: 500 }),
  /** The group's channel (a private chat channel of its members). */
  channelId: Type.String({ maxLength: 64 }),
  createdBy: Type.Union([MemberIdSchema, Type.Null()]),
  createdAt: Time,
  members: Type.Array(MemberIdSchema, { maxItems: 5_000 }),
})
export type Group = Static<typeof GroupSchema>
export const GroupsSchema = Type.Object({ groups: Type.Array(GroupSchema, { maxItems: 1_000 }) })
export const CreateGroupBody = Type.Object(
  { name: Name, description: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)
export type CreateGroupBody = Static<typeof CreateGroupBody>

/** A weekly series: `until` is the last start allowed (null: it goes on). */
// Null first: the server coerces types, and would read null as the integer 0 were Time first.
export const RepeatSchema = Type.Object({ weekly: Type.Literal(true), until: Type.Union([Type.Null(), Time]) }, { additionalProperties: false })
export type Repeat = Static<typeof RepeatSchema>

export const EventSchema = Type.Object({
  id: EventIdSchema,
  title: Type.String({ maxLength: 120 }),
  description: Type.String({ maxLength: 2_000 }),
  hostId: Type.Union([MemberIdSchema, Type.Null()]),
  roomId: RoomIdSchema,
  startsAt: Time,
  endsAt: Time,
  capacity: Type.Integer({ minimum: 1, maximum: MAX_EVENT_CAPACITY }),
  groupId: Type.Union([GroupIdSchema, Type.Null()]),
  /** Open events: the public page's address (hosts only see it; null otherwise). */
  publicUrl: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  open: Type.Boolean(),
  /** Who RSVPed, event guests included. */
  attendees: Type.Array(MemberIdSchema, { maxItems: MAX_EVENT_CAPACITY }),
  /**
   * The calendar (issue 14; optional so that issue 13's clients and servers still agree): a weekly
   * series (until: its last start, null: no end), who was invited, and who answered maybe or no
   * (a yes is an RSVP: `attendees`).
   */
  repeat: Type.Optional(Type.Union([RepeatSchema, Type.Null()])),
  invited: Type.Optional(Type.Array(MemberIdSchema, { maxItems: MAX_EVENT_CAPACITY })),
  maybe: Type.Optional(Type.Array(MemberIdSchema, { maxItems: MAX_EVENT_CAPACITY })),
  declined: Type.Optional(Type.Array(MemberIdSchema, { maxItems: MAX_EVENT_CAPACITY })),
})
export type CommunityEvent = Static<typeof EventSchema>
/** Events listed at most (the soonest); a member who is not a host has at most MAX_MEMBER_EVENTS upcoming. */
export const MAX_LISTED_EVENTS = 1_000
export const MAX_MEMBER_EVENTS = 200
export const EventsSchema = Type.Object({ events: Type.Array(EventSchema, { maxItems: MAX_LISTED_EVENTS }) })
export const CreateEventBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 2_000 })),
    roomId: RoomIdSchema,
    startsAt: Time,
    endsAt: Time,
    capacity: Type.Integer({ minimum: 1, maximum: MAX_EVENT_CAPACITY }),
    groupId: Type.Optional(GroupIdSchema),
    repeat: Type.Optional(RepeatSchema),
    /** Members invited (issue 14): they see it in their calendar and answer yes, no or maybe. */
    invited: Type.Optional(Type.Array(MemberIdSchema, { maxItems: 200, uniqueItems: true })),
  },
  { additionalProperties: false },
)
export type CreateEventBody = Static<typeof CreateEventBody>

export const GuestLinkSchema = Type.Object({
  id: GuestLinkIdSchema,
  roomId: RoomIdSchema,
  startsAt: Time,
  endsAt: Time,
  createdBy: Type.Union([MemberIdSchema, Type.Null()]),
  createdAt: Time,
})
export type GuestLink = Static<typeof GuestLinkSchema>
export const GuestLinksSchema = Type.Object({ links: Type.Array(GuestLinkSchema, { maxItems: 1_000 }) })
/** Made once: the code is shown at creation only (stored hashed, like invites). */
export const NewGuestLinkSchema = Type.Object({ link: GuestLinkSchema, code: LinkCodeSchema, url: Type.String() })
export const CreateGuestLinkBody = Type.Object({ roomId: RoomIdSchema, startsAt: Time, endsAt: Time }, { additionalProperties: false })
export type CreateGuestLinkBody = Static<typeof CreateGuestLinkBody>

/** What a guest link's page shows before joining. */
export const GuestLinkInfoSchema = Type.Object({ workspaceName: Type.String(), roomName: Type.String(), startsAt: Time, endsAt: Time })
export const JoinAsGuestBody = Type.Object({ name: Name }, { additionalProperties: false })
/** What an open event's page shows before joining. */
export const PublicEventSchema = Type.Object({
  workspaceName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  roomName: Type.String(),
  startsAt: Time,
  endsAt: Time,
  seatsLeft: Type.Integer({ minimum: 0 }),
})
export type PublicEvent = Static<typeof PublicEventSchema>
export const JoinOpenEventBody = Type.Object(
  { name: Name, email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }) },
  { additionalProperties: false },
)

/** Live notices on COMMUNITY_TOPIC: the record itself, or the id of what went. */
export const CommunityNoticeSchema = Type.Union([
  Type.Object({ type: Type.Literal('event'), event: EventSchema }),
  Type.Object({ type: Type.Literal('event-gone'), eventId: EventIdSchema }),
  Type.Object({ type: Type.Literal('group'), group: GroupSchema }),
  /** The calendar's deadlines (issue 14), to those who see them. */
  Type.Object({ type: Type.Literal('deadline'), deadline: DeadlineSchema }),
  Type.Object({ type: Type.Literal('deadline-gone'), deadlineId: DeadlineIdSchema }),
])
export type CommunityNotice = Static<typeof CommunityNoticeSchema>
