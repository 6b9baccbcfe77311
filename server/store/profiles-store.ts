/**
 * Issue 13: the profiles part of the Store. A member without a profile row reads as an empty
 * profile; guests are never in the directory. Tags are matched whatever their case.
 */

export interface ProfileFields {
  title: string
  timeZone: string | null
  about: string
  interests: string[]
  skills: string[]
  links: string[]
}

export interface ProfileRecord extends ProfileFields {
  memberId: string
  /** The current photo's version (it changes with every upload), or null. */
  photoVersion: string | null
}

export interface PhotoRecord {
  /** The BlobStore key of the re-encoded image. */
  key: string
  version: string
}

export interface ProfileSearch {
  /** Words that must each appear in the name, title or about (case-insensitive). */
  q?: string
  interest?: string
  skill?: string
  timeZone?: string
  /** Only these members (a company's); undefined: anyone. */
  memberIds?: readonly string[]
  limit: number
}

export interface ProfileFacets {
  interests: string[]
  skills: string[]
  timeZones: string[]
}

export interface ProfileStore {
  /** The member's profile (empty when they wrote none), or null when there is no such member. */
  getProfile(workspaceId: string, memberId: string): Promise<ProfileRecord | null>
  /** Changes the fields given; null when there is no such member. */
  saveProfile(workspaceId: string, memberId: string, changes: Partial<ProfileFields>, at: number): Promise<ProfileRecord | null>
  /** Non-guest members (not being removed) matching every filter, by name. */
  searchProfiles(workspaceId: string, search: ProfileSearch): Promise<ProfileRecord[]>
  /** Every interest, skill and time zone of the workspace's profiles, sorted. */
  profileFacets(workspaceId: string): Promise<ProfileFacets>
  /** Replaces (or with null, removes) the member's photo; the key it replaced, for the caller to forget. 'no-member': no such member. */
  setPhoto(workspaceId: string, memberId: string, photo: PhotoRecord | null, at: number): Promise<{ replaced: string | null } | 'no-member'>
  photoOf(workspaceId: string, memberId: string): Promise<PhotoRecord | null>
  /** Members with a photo, and its version (for `photoUrl` in the member list). */
  photoVersions(workspaceId: string): Promise<Map<string, string>>
}
