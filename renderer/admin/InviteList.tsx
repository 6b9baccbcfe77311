/** The workspace's open invites (never their codes), each revocable. */
import type { InviteSummary, Member } from '../../protocol/api.ts'

export interface InviteListProps {
  /** null while the list is loading. */
  invites: readonly InviteSummary[] | null
  members: Readonly<Record<string, Member>>
  rooms: ReadonlyMap<string, string>
  revoke(invite: InviteSummary): void
}

const revokeLabel = (invite: Pick<InviteSummary, 'email' | 'role'>) => `Revoke invite for ${invite.email ?? invite.role}`

export function InviteList({ invites, members, rooms, revoke }: InviteListProps) {
  if (invites === null) return <p>Loading invites…</p>
  if (invites.length === 0) return <p>No open invites.</p>
  return (
    <table aria-label="Open invites">
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Email</th>
          <th scope="col">Rooms</th>
          <th scope="col">Expires</th>
          <th scope="col">Created by</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {invites.map((invite) => (
          <tr key={invite.id}>
            <td>{invite.role}</td>
            <td>{invite.email ?? 'anyone with the link'}</td>
            <td>{invite.rooms.length ? invite.rooms.map((id) => rooms.get(id) ?? id).join(', ') : '—'}</td>
            <td>{new Date(invite.expiresAt).toLocaleString()}</td>
            <td>{invite.createdBy ? (members[invite.createdBy]?.name ?? 'a former member') : '—'}</td>
            <td>
              <button type="button" onClick={() => revoke(invite)}>
                {revokeLabel(invite)}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
