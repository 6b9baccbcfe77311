/**
 * **Edit profile**: your title, time zone, about, interests, skills, links and photo. Your company
 * shows read-only (companies set it). Tags are written separated by commas, links one per line.
 * A photo is sent as it is; the server checks, crops and re-encodes it, and says why it refuses one.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useComposition, useOffice } from '../app/context.tsx'
import { PROFILE_LIMITS, type Profile } from '../../protocol/profiles.ts'
import { failure, useProfilesApi } from './context.ts'
import { isTimeZone, timeZones } from './local-time.ts'
import { showOwnPhoto } from './photo-loader.ts'
import { ProfilesError } from './profiles-api.ts'

const splitTags = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean)
const splitLines = (text: string) => text.split('\n').map((t) => t.trim()).filter(Boolean)

export function EditProfile({ meId, onSaved, onClose }: { meId: string; onSaved(p: Profile): void; onClose(): void }) {
  const api = useProfilesApi()
  const office = useOffice()
  const { stores } = useComposition()
  const dialog = useRef<HTMLDialogElement>(null)
  const photoInput = useRef<HTMLInputElement>(null)
  const [profile, setProfile] = useState<Profile | null>(null)
  const [form, setForm] = useState({ title: '', timeZone: '', about: '', interests: '', skills: '', links: '' })
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => dialog.current?.showModal(), [])
  useEffect(() => {
    let live = true
    api.profile(meId).then((p) => {
      if (!live) return
      setProfile(p)
      setForm({ title: p.title, timeZone: p.timeZone ?? '', about: p.about, interests: p.interests.join(', '), skills: p.skills.join(', '), links: p.links.join('\n') })
    }, (err: unknown) => live && setError({ message: failure(err), field: null }))
    return () => void (live = false)
  }, [api, meId])

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }))
  const invalid = (field: string) => (error?.field?.split('.')[0] === field ? true : undefined)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const timeZone = form.timeZone.trim()
    if (timeZone && !isTimeZone(timeZone)) return setError({ message: `${timeZone} is not a time zone; pick one from the list (Europe/Paris, say).`, field: 'timeZone' })
    setBusy(true)
    try {
      let saved = await api.save({ title: form.title, timeZone: timeZone || null, about: form.about, interests: splitTags(form.interests), skills: splitTags(form.skills), links: splitLines(form.links) })
      const file = photoInput.current?.files?.[0]
      if (file) {
        const photoUrl = await api.uploadPhoto(file)
        showOwnPhoto(meId, photoUrl)
        saved = { ...saved, photoUrl }
      }
      // Others' lists catch up when they next fetch the member list; this one at once.
      void office.api().members(stores.session.getState().workspace!.id).then((m) => stores.floor.getState().setMembers(m), () => undefined)
      onSaved(saved)
      dialog.current?.close()
    } catch (err) {
      setError({ message: failure(err), field: err instanceof ProfilesError ? err.field : null })
    } finally {
      setBusy(false)
    }
  }
  const removePhoto = async () => {
    try {
      await api.removePhoto()
      showOwnPhoto(meId, null)
      setProfile((p) => p && { ...p, photoUrl: null })
    } catch (err) {
      setError({ message: failure(err), field: 'photo' })
    }
  }

  return (
    <dialog ref={dialog} className="dialog directory-edit" aria-labelledby="edit-profile-title" onClose={onClose}>
      <h2 id="edit-profile-title">Edit profile</h2>
      <form aria-labelledby="edit-profile-title" onSubmit={(e) => void save(e)}>
        <label>
          Title
          <input value={form.title} onChange={set('title')} maxLength={PROFILE_LIMITS.title} aria-invalid={invalid('title')} />
        </label>
        <label>
          Company
          <input value={profile?.company?.name ?? 'None'} readOnly aria-describedby="edit-profile-company-note" />
        </label>
        <small id="edit-profile-company-note" className="where">Set by your company’s admins or the hosts.</small>
        <label>
          Time zone
          <input value={form.timeZone} onChange={set('timeZone')} list="edit-profile-zones" placeholder="Europe/Paris" maxLength={PROFILE_LIMITS.timeZone} aria-invalid={invalid('timeZone')} />
        </label>
        <datalist id="edit-profile-zones">
          {timeZones().map((z) => <option key={z} value={z} />)}
        </datalist>
        <label>
          About
          <textarea value={form.about} onChange={set('about')} maxLength={PROFILE_LIMITS.about} rows={4} aria-invalid={invalid('about')} />
        </label>
        <label>
          Interests
          <input value={form.interests} onChange={set('interests')} placeholder="chess, climbing" aria-describedby="edit-profile-tags-note" aria-invalid={invalid('interests')} />
        </label>
        <label>
          Skills
          <input value={form.skills} onChange={set('skills')} placeholder="TypeScript, design" aria-describedby="edit-profile-tags-note" aria-invalid={invalid('skills')} />
        </label>
        <small id="edit-profile-tags-note" className="where">Separated by commas; up to {PROFILE_LIMITS.tags}.</small>
        <label>
          Links
          <textarea value={form.links} onChange={set('links')} rows={2} placeholder="https://…, one per line" aria-invalid={invalid('links')} />
        </label>
        <label>
          Photo
          <input ref={photoInput} type="file" accept="image/png,image/jpeg,image/webp" aria-invalid={invalid('body') ?? invalid('photo')} />
        </label>
        {profile?.photoUrl && (
          <button type="button" onClick={() => void removePhoto()}>
            Remove photo
          </button>
        )}
        {error && <p role="alert" className="form-error">{error.message}</p>}
        <div className="controls">
          <button type="submit" disabled={busy || !profile}>
            Save profile
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
