/**
 * Writing a message: the textbox labelled **Message** (Enter sends, Shift+Enter is a new line,
 * 4,000 characters at most, with what is left shown near the limit), files to attach (uploaded at
 * once, sent with the message) and "typing" said to the others while one types. Sending never
 * waits on the network: the service queues the message and the list shows it as sending.
 */
import { Paperclip, SendHorizontal, X } from 'lucide-react'
import { useId, useRef, useState } from 'react'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_MESSAGE_CHARS, type Attachment } from '../../protocol/chat.ts'
import { failure, useChatService } from './hooks.ts'
import { fileSize } from './names.ts'

/** Shown once this few characters are left. */
const NEAR_LIMIT = 500

export function Composer({ conversationId, threadId = null, label = 'Message' }: { conversationId: string; threadId?: string | null; label?: string }) {
  const service = useChatService()
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<Attachment[]>([])
  const [uploading, setUploading] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const picker = useRef<HTMLInputElement>(null)
  const box = useRef<HTMLTextAreaElement>(null)
  const counterId = useId()
  const left = MAX_MESSAGE_CHARS - body.length

  const send = () => {
    const text = body.trim()
    if ((!text && files.length === 0) || uploading > 0) return
    void service.send(conversationId, text, { threadId, attachments: files }).catch((err: unknown) => setError(failure(err)))
    setBody('')
    setFiles([])
    setError(null)
    box.current?.focus()
  }

  const attach = async (list: FileList | null) => {
    const picked = [...(list ?? [])].slice(0, MAX_ATTACHMENTS - files.length)
    if (picker.current) picker.current.value = ''
    const tooBig = picked.find((f) => f.size > MAX_ATTACHMENT_BYTES)
    if (tooBig) return setError(`${tooBig.name} is ${fileSize(tooBig.size)}; files can be up to ${fileSize(MAX_ATTACHMENT_BYTES)}.`)
    setError(null)
    for (const file of picked) {
      setUploading((n) => n + 1)
      try {
        const a = await service.upload(file, file.name)
        setFiles((now) => [...now, a])
      } catch (err) {
        setError(`${file.name} was not attached: ${failure(err)}`)
      } finally {
        setUploading((n) => n - 1)
      }
    }
  }

  return (
    <div className="chat-composer">
      {files.length > 0 && (
        <ul className="chat-pending-files" aria-label="Files to send">
          {files.map((f) => (
            <li key={f.id}>
              <bdi>{f.name}</bdi> <span className="where">{fileSize(f.size)}</span>
              <button type="button" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((x) => x.id !== f.id))}>
                <X size={12} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="chat-compose-row">
        <textarea
          ref={box}
          aria-label={label}
          aria-describedby={left <= NEAR_LIMIT ? counterId : undefined}
          placeholder={label === 'Message' ? 'Write a message' : label}
          value={body}
          maxLength={MAX_MESSAGE_CHARS}
          rows={Math.min(6, body.split('\n').length)}
          onChange={(e) => {
            setBody(e.target.value)
            if (e.target.value) service.typing(conversationId)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
              e.preventDefault()
              send()
            }
          }}
        />
        <button type="button" aria-label="Attach a file" title="Attach a file" onClick={() => picker.current?.click()} disabled={files.length >= MAX_ATTACHMENTS}>
          <Paperclip size={16} aria-hidden="true" />
        </button>
        <button type="button" aria-label="Send" title="Send (Enter)" onClick={send} disabled={uploading > 0}>
          <SendHorizontal size={16} aria-hidden="true" />
        </button>
        <input ref={picker} type="file" multiple hidden aria-label="File to attach" onChange={(e) => void attach(e.target.files)} />
      </div>
      {left <= NEAR_LIMIT && (
        <p id={counterId} className={`chat-counter${left === 0 ? ' chat-counter-full' : ''}`}>
          {left} of {MAX_MESSAGE_CHARS.toLocaleString('en')} characters left
        </p>
      )}
      {uploading > 0 && <p role="status">Uploading…</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  )
}
