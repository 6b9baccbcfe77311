/** Errors routes throw on purpose; the app's error handler turns them into `{ error, message, field? }`. */
import { errorCodes, type ErrorBody } from '../protocol/errors.ts'

export class HttpError extends Error {
  readonly status: number
  readonly body: ErrorBody
  constructor(status: number, body: ErrorBody) {
    super(body.message)
    this.status = status
    this.body = body
  }
}

export const badRequest = (message: string, field?: string) =>
  new HttpError(400, { error: errorCodes.badRequest, message, ...(field ? { field } : {}) })
export const unauthorized = (message = 'sign in first') => new HttpError(401, { error: errorCodes.unauthorized, message })
export const forbidden = (message: string, reason?: string) =>
  new HttpError(403, { error: errorCodes.forbidden, message, ...(reason ? { reason } : {}) })
/** Also used for resources of another workspace: a 404 never hints that they exist. */
export const notFound = (what: string) => new HttpError(404, { error: errorCodes.notFound, message: `${what} not found` })
export const conflict = (message: string, extra: Partial<ErrorBody> = {}) => new HttpError(409, { error: errorCodes.conflict, message, ...extra })
export const gone = (message: string) => new HttpError(410, { error: errorCodes.gone, message })
