/** Wire error codes shared by HTTP and IPC, and the error body every failed HTTP call returns. */
import Type, { type Static } from 'typebox'

export const ErrorBodySchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  currentVersion: Type.Optional(Type.Integer()),
  /** On a floor conflict: the room, desk or floor that changed under the edit. */
  objectId: Type.Optional(Type.String()),
  /** On a refusal that ends by itself (a removal from a room): when, in ms since the epoch. */
  until: Type.Optional(Type.Integer()),
})
export type ErrorBody = Static<typeof ErrorBodySchema>

export const errorCodes = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  gone: 'gone',
  tooLarge: 'payload_too_large',
  rateLimited: 'rate_limited',
  internal: 'internal',
  badArgs: 'bad_args',
  unavailable: 'unavailable',
} as const
export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes]
