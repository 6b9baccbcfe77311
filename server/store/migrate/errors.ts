/** A refusal or a failure of the copy into PostgreSQL, worded for the operator who ran it. */
export class MigrationError extends Error {}
