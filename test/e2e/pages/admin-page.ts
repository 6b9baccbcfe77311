/** Page object for a host's People and invites view: members, roles, removal and invites, by role and name. */
import type { Locator, Page } from 'playwright-core'
import { openManage } from './office-page.ts'

export interface InviteChoice {
  role: 'member' | 'guest' | 'host'
  email?: string
  /** Room names a guest may enter. */
  rooms?: string[]
  days?: number
}

export class PeopleAdminPage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  /** The button in the top bar's Manage list that opens the view (hosts and owners only). */
  opener(): Locator {
    return this.page.getByRole('button', { name: 'People and invites' })
  }

  region(): Locator {
    return this.page.getByRole('region', { name: 'People and invites' })
  }

  async open(): Promise<void> {
    await openManage(this.page)
    await this.opener().click()
    await this.region().waitFor()
  }

  /** A member's row in the members table, found by the name in its row header (with "(you)" or "(being removed)" after it). */
  member(name: string): Locator {
    return this.region()
      .getByRole('table', { name: /^Members/ })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\((you|being removed)\\))?$`) }) })
  }

  /** The member's cells as text: [role, desk, last seen]. The role is the select's value when it has one. */
  async memberCells(name: string): Promise<{ role: string; desk: string; lastSeen: string }> {
    const cells = this.member(name).getByRole('cell')
    const roleCell = cells.nth(0)
    const select = roleCell.getByRole('combobox')
    const role = (await select.count()) ? await select.inputValue() : ((await roleCell.textContent()) ?? '')
    return { role, desk: (await cells.nth(1).textContent()) ?? '', lastSeen: (await cells.nth(2).textContent()) ?? '' }
  }

  async showOnlyWithoutDesk(on: boolean): Promise<void> {
    await this.region().getByRole('checkbox', { name: 'Without a desk' }).setChecked(on)
  }

  async setRole(name: string, role: string): Promise<void> {
    await this.region().getByRole('combobox', { name: `Role for ${name}` }).selectOption(role)
    await this.region().getByRole('button', { name: `Save role for ${name}` }).click()
  }

  async remove(name: string): Promise<void> {
    await this.region().getByRole('button', { name: `Remove ${name}`, exact: true }).click()
    await this.region().getByRole('button', { name: `Yes, remove ${name}` }).click()
  }

  /** Creates an invite through the form and returns the link it shows once. */
  async createInvite(choice: InviteChoice): Promise<string> {
    const form = this.region().getByRole('form', { name: 'Create an invite' })
    await form.getByLabel('Role').selectOption(choice.role)
    if (choice.email) await form.getByLabel('Email (optional)').fill(choice.email)
    for (const room of choice.rooms ?? []) await form.getByRole('checkbox', { name: room }).check()
    if (choice.days) await form.getByLabel('Expires in (days)').fill(String(choice.days))
    await form.getByRole('button', { name: 'Create invite' }).click()
    const link = this.region().getByLabel(/^Invite link/)
    await link.waitFor()
    return link.inputValue()
  }

  invites(): Locator {
    return this.region().getByRole('table', { name: 'Open invites' })
  }

  /** The revoke button of an open invite, by its email (or its role when it has none). */
  revokeButton(emailOrRole: string): Locator {
    return this.region().getByRole('button', { name: `Revoke invite for ${emailOrRole}` })
  }

  alert(): Locator {
    return this.region().getByRole('alert')
  }
}
