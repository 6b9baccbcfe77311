/**
 * One form for a value read from either database, so that the comparison says "equal" only for
 * equal data: integers as exact decimals whatever their size and whichever side they came from
 * (SQLite's bigint, PostgreSQL's integer or bigint), other numbers as numbers, text as the exact
 * string (JSON stays byte for byte), blobs by their bytes. A number never equals a string.
 */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  switch (typeof value) {
    case 'bigint':
      return `int ${value}`
    case 'number':
      return Number.isInteger(value) ? `int ${BigInt(value)}` : `real ${value}`
    case 'boolean':
      return `int ${value ? 1 : 0}`
    case 'string':
      return `text ${value}`
    default:
      if (Buffer.isBuffer(value)) return `blob ${value.toString('hex')}`
      return `other ${JSON.stringify(value)}`
  }
}

/** A value as a message shows it: short, quoted when it is text. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  const text = typeof value === 'string' ? JSON.stringify(value) : Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : String(value)
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}
