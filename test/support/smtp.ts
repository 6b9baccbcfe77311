/**
 * A real SMTP server (smtp-server) on a free loopback port, in the test process: it asks for a
 * user name and password (over the plain connection, as a local relay may), keeps every message it
 * accepts, and can refuse the next ones with a temporary error, as a busy mail server does.
 */
import { SMTPServer } from 'smtp-server'
import { freeTcpPort } from './ports.ts'

export interface ReceivedMail {
  /** The envelope: who the server was asked to deliver to (RCPT TO), and from. */
  rcptTo: string[]
  mailFrom: string
  /** Header lines, unfolded, by lower-case name. */
  headers: Map<string, string>
  subject: string
  /** The body, its transfer encoding undone. */
  text: string
}

export interface TestSmtp {
  url: string
  received: ReceivedMail[]
  /** Connections opened so far (to show that nothing was attempted). */
  connections: number
  /** Refuses this many next messages with `451 try again later`. */
  refuseNext(count: number): void
  stop(): Promise<void>
}

const SMTP_USER = 'office'
const SMTP_PASSWORD = 'relay-password'

function decodeBody(encoding: string, body: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') {
    const soft = body.replace(/=\r?\n/g, '')
    const bytes: number[] = []
    for (let i = 0; i < soft.length; i++) {
      const hex = soft[i] === '=' ? /^[0-9A-F]{2}/i.exec(soft.slice(i + 1, i + 3)) : null
      if (hex) {
        bytes.push(parseInt(hex[0], 16))
        i += 2
      } else bytes.push(...Buffer.from(soft[i]!, 'utf8'))
    }
    return Buffer.from(bytes).toString('utf8')
  }
  return body
}

function parseMail(raw: string, envelope: { rcptTo: string[]; mailFrom: string }): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  const text = decodeBody((headers.get('content-transfer-encoding') ?? '7bit').toLowerCase(), raw.slice(split + 4)).replace(/\r\n/g, '\n')
  return { ...envelope, headers, subject: headers.get('subject') ?? '', text }
}

export async function startSmtp(): Promise<TestSmtp> {
  const port = await freeTcpPort()
  const received: ReceivedMail[] = []
  let refuse = 0
  const state = { connections: 0 }
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      state.connections++
      callback()
    },
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username })
      else callback(new Error('535 authentication failed'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--
          const err = Object.assign(new Error('try again later'), { responseCode: 451 })
          callback(err)
          return
        }
        const envelope = {
          rcptTo: session.envelope.rcptTo.map((a) => a.address),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        }
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), envelope))
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    received,
    get connections() {
      return state.connections
    },
    refuseNext(count) {
      refuse = count
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
