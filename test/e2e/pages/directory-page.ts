/** Page object for the Directory region and the Edit profile form, by role and accessible name. */
import type { Locator, Page } from 'playwright-core'

export interface ProfileForm {
  title?: string
  timeZone?: string
  about?: string
  interests?: string
  skills?: string
  photo?: { name: string; mimeType: string; buffer: Buffer }
}

export class DirectoryPage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  region(): Locator {
    return this.page.getByRole('region', { name: 'Directory' })
  }

  async show(): Promise<void> {
    await this.page.getByRole('button', { name: 'Directory', exact: true }).click()
    await this.search().waitFor()
  }

  search(): Locator {
    return this.region().getByRole('searchbox', { name: 'Search people and companies' })
  }

  filter(what: 'company' | 'interest' | 'skill' | 'time zone'): Locator {
    return this.region().getByRole('combobox', { name: `Filter by ${what}` })
  }

  /** A person in the results, by the start of their accessible name. */
  person(name: string): Locator {
    return this.region().getByRole('list').getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`) })
  }

  people(): Locator {
    return this.region().getByRole('region', { name: 'People' }).getByRole('listitem')
  }

  profile(name: string): Locator {
    return this.region().getByRole('article', { name: `Profile of ${name}` })
  }

  editForm(): Locator {
    return this.page.getByRole('dialog', { name: 'Edit profile' })
  }

  async openEditForm(): Promise<Locator> {
    await this.region().getByRole('button', { name: 'Edit profile' }).first().click()
    const form = this.editForm()
    // The form fills in from the server before it can be saved.
    await form.getByRole('button', { name: 'Save profile' }).and(form.locator(':enabled')).waitFor()
    return form
  }

  async editProfile(fields: ProfileForm): Promise<void> {
    const form = await this.openEditForm()
    if (fields.title !== undefined) await form.getByLabel('Title', { exact: true }).fill(fields.title)
    if (fields.timeZone !== undefined) await form.getByLabel('Time zone', { exact: true }).fill(fields.timeZone)
    if (fields.about !== undefined) await form.getByLabel('About', { exact: true }).fill(fields.about)
    if (fields.interests !== undefined) await form.getByLabel('Interests', { exact: true }).fill(fields.interests)
    if (fields.skills !== undefined) await form.getByLabel('Skills', { exact: true }).fill(fields.skills)
    if (fields.photo) await form.getByLabel('Photo', { exact: true }).setInputFiles(fields.photo)
    await form.getByRole('button', { name: 'Save profile' }).click()
    await form.waitFor({ state: 'detached' })
  }
}
