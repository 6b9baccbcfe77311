/**
 * Requests that need an answer: a knock on my room, a wave, a starred colleague now available.
 * At most a few a minute from any one peer (app/social.ts); names are the directory's, isolated so
 * that a right-to-left override in one cannot turn the sentence around it.
 */
import { useOffice, useSocial } from '../app/context.tsx'

export function Prompts() {
  const office = useOffice()
  const prompts = useSocial((s) => s.prompts)
  if (prompts.length === 0) return null
  return (
    <section className="prompts" aria-label="Requests" aria-live="assertive">
      {prompts.map((p) => (
        <div key={p.id} className="prompt" role="alertdialog" aria-label={p.kind === 'knock' ? `${p.fromName} is knocking` : p.kind === 'wave' ? `${p.fromName} waves at you` : `${p.fromName} is available`}>
          {p.kind === 'knock' && (
            <>
              <p>
                <bdi>{p.fromName}</bdi> is knocking to come in.
              </p>
              <button type="button" onClick={() => office.social.answerKnock(p.id, true)}>Admit</button>
              <button type="button" onClick={() => office.social.answerKnock(p.id, false)}>Not now</button>
            </>
          )}
          {p.kind === 'wave' && (
            <>
              <p>
                <bdi>{p.fromName}</bdi> waves at you.
              </p>
              <button type="button" onClick={() => office.social.join(p.id)}>Join</button>
              <button type="button" onClick={() => office.social.dismiss(p.id)}>Dismiss</button>
            </>
          )}
          {p.kind === 'available' && (
            <>
              <p>
                <bdi>{p.fromName}</bdi> is available now.
              </p>
              <button type="button" onClick={() => (office.walking.goToPerson(p.from), office.social.dismiss(p.id))}>Go to {p.fromName}</button>
              <button type="button" onClick={() => office.social.dismiss(p.id)}>Dismiss</button>
            </>
          )}
        </div>
      ))}
    </section>
  )
}
