/**
 * First run: create a workspace, sign in, or join one from an invite link (`#/invite/<code>`), a
 * guest link (`#/guest/<code>`) or an open event's link (`#/event/<code>`, see GuestPages.tsx).
 */
import { Suspense, useEffect, useState, type FormEvent } from 'react'
import { Field } from '../../ui/Field.tsx'
import { describeError } from '../../ui/errors.ts'
import { useOffice, usePlatform } from '../context.tsx'
import { lazyPart } from '../../ui/lazy-part.ts'

// Guest and open-event links (issue 13) are rare: their pages load when one is opened.
const GuestLinkPage = lazyPart(() => import('./GuestPages.tsx').then((m) => ({ default: m.GuestLinkPage })))
const OpenEventPage = lazyPart(() => import('./GuestPages.tsx').then((m) => ({ default: m.OpenEventPage })))

type Mode = 'create' | 'sign-in' | 'join' | 'guest' | 'event'
type Link = { mode: 'join' | 'guest' | 'event'; code: string }

const modes = { invite: 'join', guest: 'guest', event: 'event' } as const
const linkFromHash = (): Link | null => {
  const m = /^#\/(invite|guest|event)\/([A-Za-z0-9_-]+)$/.exec(location.hash)
  return m ? { mode: modes[m[1] as keyof typeof modes], code: m[2]! } : null
}

export function Welcome() {
  const [link, setLink] = useState(linkFromHash)
  const [mode, setMode] = useState<Mode>(link?.mode ?? 'create')
  useEffect(() => {
    const onHash = () => {
      const next = linkFromHash()
      setLink(next)
      if (next) setMode(next.mode)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  return (
    <main className="welcome">
      <h1>Virtual Office</h1>
      {(mode === 'create' || mode === 'sign-in') && (
        <div role="tablist" aria-label="Get started" className="tabs">
          <button role="tab" type="button" aria-selected={mode === 'create'} onClick={() => setMode('create')}>
            Create a workspace
          </button>
          <button role="tab" type="button" aria-selected={mode === 'sign-in'} onClick={() => setMode('sign-in')}>
            Sign in
          </button>
        </div>
      )}
      {mode === 'create' && <CreateForm />}
      {mode === 'sign-in' && <SignInForm />}
      {mode === 'join' && link && <JoinForm code={link.code} onCancel={() => ((location.hash = ''), setMode('create'))} />}
      <Suspense fallback={<p role="status">Loading…</p>}>
        {mode === 'guest' && link && <GuestLinkPage code={link.code} onCancel={() => ((location.hash = ''), setMode('sign-in'))} />}
        {mode === 'event' && link && <OpenEventPage code={link.code} onCancel={() => ((location.hash = ''), setMode('sign-in'))} />}
      </Suspense>
    </main>
  )
}

function useSubmit(action: (data: FormData) => Promise<void>) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    action(new FormData(e.currentTarget))
      .catch((err: unknown) => setError(describeError(err)))
      .finally(() => setBusy(false))
  }
  return { error, busy, onSubmit }
}

const text = (d: FormData, k: string) => String(d.get(k) ?? '').trim()
const keep = (d: FormData) => ({ keep: d.get('keep') === 'on' })

/**
 * Unticked, the session lasts as long as this tab (or app window), then is gone. The
 * desktop app is ticked by default: it is the user's own machine and the OS keychain seals the
 * token there; a browser may be shared, so it is unticked.
 */
function KeepSignedIn() {
  const platform = usePlatform()
  return (
    <label className="keep-signed-in">
      <input type="checkbox" name="keep" defaultChecked={platform.kind === 'electron'} /> Keep me signed in
    </label>
  )
}

function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null
}

function CreateForm() {
  const office = useOffice()
  const { error, busy, onSubmit } = useSubmit((d) =>
    office.createWorkspace({ name: text(d, 'workspace'), owner: { name: text(d, 'name'), email: text(d, 'email'), password: String(d.get('password')) } }, keep(d)),
  )
  return (
    <form onSubmit={onSubmit} aria-label="Create a workspace">
      <Field label="Workspace name" name="workspace" required maxLength={64} autoComplete="organization" />
      <Field label="Your name" name="name" required maxLength={64} autoComplete="name" />
      <Field label="Email" name="email" type="email" required autoComplete="email" />
      <Field label="Password" name="password" type="password" required minLength={8} autoComplete="new-password" />
      <KeepSignedIn />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Create workspace
      </button>
    </form>
  )
}

function SignInForm() {
  const office = useOffice()
  const { error, busy, onSubmit } = useSubmit((d) => office.signIn({ email: text(d, 'email'), password: String(d.get('password')) }, keep(d)))
  return (
    <form onSubmit={onSubmit} aria-label="Sign in">
      <Field label="Email" name="email" type="email" required autoComplete="email" />
      <Field label="Password" name="password" type="password" required autoComplete="current-password" />
      <KeepSignedIn />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Sign in
      </button>
    </form>
  )
}

function JoinForm({ code, onCancel }: { code: string; onCancel: () => void }) {
  const office = useOffice()
  const { error, busy, onSubmit } = useSubmit(async (d) => {
    await office.acceptInvite(code, { name: text(d, 'name'), email: text(d, 'email'), password: String(d.get('password')) }, keep(d))
    history.replaceState(null, '', location.pathname)
  })
  return (
    <form onSubmit={onSubmit} aria-label="Join the workspace">
      <h2>You are invited</h2>
      <Field label="Your name" name="name" required maxLength={64} autoComplete="name" />
      <Field label="Email" name="email" type="email" required autoComplete="email" />
      <Field label="Password" name="password" type="password" required minLength={8} autoComplete="new-password" />
      <KeepSignedIn />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Join workspace
      </button>
      <button type="button" className="link" onClick={onCancel}>
        I already have an account
      </button>
    </form>
  )
}
