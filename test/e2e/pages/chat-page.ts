/** Page object for the Chat region of one user: by role and accessible name, as a screen reader user finds it. */
import type { Locator, Page } from 'playwright-core'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export class ChatPage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  region(): Locator {
    return this.page.getByRole('region', { name: 'Chat', exact: true })
  }

  /** The top bar's Chat button: "Chat", or "Chat, 3 unread". */
  button(): Locator {
    return this.page.getByRole('button', { name: /^Chat(, \d+ unread)?$/ })
  }

  /** Shows the Chat region (the top bar's button) if it is not showing. */
  async show(): Promise<void> {
    if ((await this.button().getAttribute('aria-expanded')) !== 'true') await this.button().click()
    await this.conversations().waitFor()
  }

  conversations(): Locator {
    return this.region().getByRole('list', { name: 'Conversations' })
  }

  /** A conversation in the list by its name ("#general", "Bo Lee", "Meeting room"), and the rest of its accessible name if given ("2 unread, 1 mention"). */
  conversation(name: string, rest?: string): Locator {
    return this.conversations().getByRole('button', { name: new RegExp(`^${escape(name)}${rest === undefined ? '(,|$)' : rest === '' ? '$' : `, ${escape(rest)}$`}`) })
  }

  /** Opens a conversation from the list; resolves once it shows. */
  async open(name: string): Promise<void> {
    await this.conversation(name).click()
    await this.view(name).waitFor()
  }

  /** The open conversation's view (a region named after it). */
  view(name: string): Locator {
    return this.region().getByRole('region', { name, exact: true })
  }

  messageBox(): Locator {
    return this.region().getByRole('textbox', { name: 'Message', exact: true })
  }

  async send(text: string): Promise<void> {
    await this.messageBox().fill(text)
    await this.messageBox().press('Enter')
  }

  /** The messages of the open conversation. */
  messages(): Locator {
    return this.region().getByRole('list', { name: /^Messages in / })
  }

  /** A message of the open conversation by text it shows. */
  message(text: string | RegExp): Locator {
    return this.messages().getByRole('listitem').filter({ hasText: text })
  }

  /** Runs one of a message's actions (they show on hover, as for a mouse user). */
  async act(message: Locator, action: 'Reply in thread' | 'Add reaction' | 'Edit message' | 'Delete message'): Promise<void> {
    await message.hover()
    await message.getByRole('button', { name: action, exact: true }).click()
  }

  thread(): Locator {
    return this.region().getByRole('region', { name: 'Thread', exact: true })
  }
}
