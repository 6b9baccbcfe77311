/**
 * Issue 13: the browser pages of a guest link (`#/guest/<code>`: a name only) and of an open event
 * (`#/event/<code>`: a name, and an email for the reminder). Joining gives a guest session, which
 * the office then opens with like any other (it is saved as the office saves one, and the page
 * starts again): the guest's pass limits them to one room for its window.
 */
import { useEffect, useState, type FormEvent } from 'react'
import type { SignedIn } from '../../../protocol/api.ts'
import type { PublicEvent } from '../../../protocol/community.ts'
import { publicApi } from '../../events/community-api.ts'
import { timeOf } from '../../events/useCommunityApi.ts'
import { useServerUrl } from '../usePartApi.ts'
import { describeError } from '../../ui/errors.ts'
import { Field } from '../../ui/Field.tsx'
import { usePlatform } from '../context.tsx'

/** Where and how office.ts keeps a session (renderer/app/office.ts SESSION_KEY, SavedSession). */
const SESSION_KEY = 'session'

function useAdopt() {
  const platform = usePlatform()
  return async (signed: SignedIn) => {
    const saved = { token: signed.session.token, workspaceId: signed.workspace.id, memberId: signed.member.id }
    // A guest's session lives as long as this tab: a browser may be shared.
    await platform.credentials.set(SESSION_KEY, JSON.stringify(saved), { keep: false })
    history.replaceState(null, '', location.pathname)
    location.reload()
  }
}

function useJoin(action: (d: FormData) => Promise<void>) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    action(new FormData(e.currentTarget)).catch((err: unknown) => {
      setError(describeError(err))
      setBusy(false)
    })
  }
  return { error, busy, onSubmit }
}

const Alert = ({ text }: { text: string | null }) => (text ? <p className="form-error" role="alert">{text}</p> : null)

export function GuestLinkPage({ code, onCancel }: { code: string; onCancel(): void }) {
  const url = useServerUrl()
  const adopt = useAdopt()
  const [info, setInfo] = useState<{ workspaceName: string; roomName: string; startsAt: number; endsAt: number } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (url !== null) publicApi(url).guestLink(code).then(setInfo, (err: unknown) => setProblem(describeError(err)))
  }, [url, code])
  const { error, busy, onSubmit } = useJoin(async (d) => adopt(await publicApi(url ?? '').joinGuestLink(code, String(d.get('name')).trim())))
  return (
    <form onSubmit={onSubmit} aria-label="Join as a guest">
      <h2>{info ? `You are invited to ${info.workspaceName}` : 'You are invited as a guest'}</h2>
      {info && (
        <p>
          As a guest, in {info.roomName}, from {timeOf(info.startsAt)} until {timeOf(info.endsAt)}.
        </p>
      )}
      <Alert text={problem} />
      <Field label="Your name" name="name" required maxLength={64} autoComplete="name" />
      <Alert text={error} />
      <button type="submit" disabled={busy || url === null}>
        Join as a guest
      </button>
      <button type="button" className="link" onClick={onCancel}>
        I have an account
      </button>
    </form>
  )
}

export function OpenEventPage({ code, onCancel }: { code: string; onCancel(): void }) {
  const url = useServerUrl()
  const adopt = useAdopt()
  const [event, setEvent] = useState<PublicEvent | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (url !== null) publicApi(url).event(code).then(setEvent, (err: unknown) => setProblem(describeError(err)))
  }, [url, code])
  const { error, busy, onSubmit } = useJoin(async (d) => adopt(await publicApi(url ?? '').joinEvent(code, String(d.get('name')).trim(), String(d.get('email')).trim())))
  return (
    <form onSubmit={onSubmit} aria-label="Join the event">
      <h2>{event ? event.title : 'An open event'}</h2>
      {event && (
        <>
          <p>
            {event.workspaceName} · {event.roomName} · {timeOf(event.startsAt)} – {timeOf(event.endsAt)} · {event.seatsLeft} seats left
          </p>
          {event.description && <p>{event.description}</p>}
        </>
      )}
      <Alert text={problem} />
      <Field label="Your name" name="name" required maxLength={64} autoComplete="name" />
      <Field label="Email" name="email" type="email" required autoComplete="email" />
      <p className="hint">Your email is kept for the event’s reminder, which shows in this page 5 minutes before it starts.</p>
      <Alert text={error} />
      <button type="submit" disabled={busy || url === null}>
        Join the event
      </button>
      <button type="button" className="link" onClick={onCancel}>
        I have an account
      </button>
    </form>
  )
}
