/**
 * Asks the office screen to show the Directory, at someone's profile or a company's page (from a
 * person's card on the floor): a window event, so that the floor's start-up code needs nothing of
 * the directory to ask.
 */
export const SHOW_DIRECTORY_EVENT = 'office:show-directory'

export type DirectoryView = { kind: 'search' } | { kind: 'person'; id: string } | { kind: 'company'; id: string }

export const showDirectory = (view: DirectoryView = { kind: 'search' }): void =>
  void window.dispatchEvent(new CustomEvent<DirectoryView>(SHOW_DIRECTORY_EVENT, { detail: view }))
