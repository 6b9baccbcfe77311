/** Turns what an action threw into one sentence for the user. */
export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && 'body' in err) {
    const body = (err as { body: { message?: string } }).body
    if (body.message) return body.message.charAt(0).toUpperCase() + body.message.slice(1)
  }
  if (err instanceof Error) return err.message
  return 'Something went wrong'
}
