/** Page object for one user of the office in Chromium: what they see and do, by role and name. */
import type { Locator, Page } from 'playwright-core'

export interface Account {
  name: string
  email: string
  password: string
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export class OfficePage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  async createWorkspace(workspace: string, owner: Account): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Create a workspace' })
    await form.getByLabel('Workspace name').fill(workspace)
    await form.getByLabel('Your name').fill(owner.name)
    await form.getByLabel('Email').fill(owner.email)
    await form.getByLabel('Password').fill(owner.password)
    await form.getByRole('button', { name: 'Create workspace' }).click()
    await this.floor().waitFor()
  }

  /**
   * `parked`: submitted from the keyboard with the pointer parked off the floor, for tests that
   * count connections. Left on the button, the pointer rests on whatever room the floor then draws
   * under it, and the app looks in there.
   */
  async signIn(account: Pick<Account, 'email' | 'password'>, opts: { parked?: boolean } = {}): Promise<void> {
    await this.page.getByRole('tab', { name: 'Sign in' }).click()
    const form = this.page.getByRole('form', { name: 'Sign in' })
    await form.getByLabel('Email').fill(account.email)
    await form.getByLabel('Password').fill(account.password)
    if (opts.parked) {
      await this.page.mouse.move(5, 5)
      await form.getByLabel('Password').press('Enter')
    } else await form.getByRole('button', { name: 'Sign in' }).click()
    await this.floor().waitFor()
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click()
    await this.page.getByRole('tab', { name: 'Sign in' }).waitFor()
  }

  /** Creates a member invite through the UI and returns its link. */
  async createInviteLink(): Promise<string> {
    await openManage(this.page)
    await this.page.getByRole('button', { name: 'Invite people' }).click()
    const link = this.page.getByRole('dialog', { name: 'Invite people' }).getByRole('textbox')
    await link.waitFor()
    const url = await link.inputValue()
    await this.page.getByRole('dialog', { name: 'Invite people' }).getByRole('button', { name: 'Close' }).click()
    return url
  }

  async acceptInvite(account: Account): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Join the workspace' })
    await form.getByLabel('Your name').fill(account.name)
    await form.getByLabel('Email').fill(account.email)
    await form.getByLabel('Password').fill(account.password)
    await form.getByRole('button', { name: 'Join workspace' }).click()
    await this.floor().waitFor()
  }

  floor(): Locator {
    return this.page.getByRole('region', { name: /^Floor plan: / })
  }

  /** A desk button whose accessible name starts with `Desk <label>` and contains `rest`, if given. */
  desk(label: string, rest?: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Desk ${escape(label)}${rest ? `, ${escape(rest)}` : '$'}`) })
  }

  room(name: string, people?: number): Locator {
    const count = people === undefined ? '\\d+ (person|people)' : `${people} ${people === 1 ? 'person' : 'people'}`
    return this.page.getByRole('button', { name: new RegExp(`^Room ${escape(name)}, ${count}`) })
  }

  /**
   * Opens a room's card (issue 14) with a right-click near its top-left corner, as people do, and
   * answers the card. Cards load after the floor's first paint: a right-click before that opens
   * nothing, so it is tried again until the card shows.
   */
  async roomCard(name: string): Promise<Locator> {
    const card = this.page.getByRole('region', { name: `About ${name}` })
    for (let tries = 0; ; tries++) {
      await this.room(name).click({ button: 'right', position: { x: 16, y: 16 } })
      try {
        await card.waitFor({ timeout: 2_000 })
        return card
      } catch (err) {
        if (tries >= 10) throw err
      }
    }
  }

  /**
   * Clicks a room to walk in. Near its top-left corner, by its name, as people do: its middle may
   * be taken by the avatars of those already inside (which open their own actions when clicked).
   */
  /**
   * Settings → untick Noise suppression and Echo cancellation. Chromium's fake microphone plays a
   * steady beep, which both filters take for noise and silence, so LiveKit would hear nobody speak.
   */
  async speakWithoutVoiceFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Settings' })
    await dialog.getByRole('checkbox', { name: 'Noise suppression' }).uncheck()
    await dialog.getByRole('checkbox', { name: 'Echo cancellation' }).uncheck()
    await dialog.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }

  async walkInto(name: string): Promise<void> {
    await this.room(name).click({ position: { x: 16, y: 16 } })
  }

  /** The call panel of the room this user is in. */
  stage(roomName: string): Locator {
    return this.page.getByRole('region', { name: `Call in ${roomName}` })
  }

  /** A person in the People list, by name and the rest of their accessible description. */
  person(name: string, rest?: string): Locator {
    return this.page.getByRole('list', { name: 'Online' }).getByRole('listitem', { name: new RegExp(`^${escape(name)}${rest ? `, ${escape(rest)}` : ''}`) })
  }

  /** A person's avatar on the floor. */
  personOnFloor(name: string): Locator {
    return this.page.getByRole('group', { name: 'People' }).getByRole('button', { name: new RegExp(`^${escape(name)}, `) })
  }

  /** Holds `key` until `target` reaches `state` (walking with the keyboard), then lets go. */
  async holdKeyUntil(key: string, target: Locator, state: 'visible' | 'detached' = 'visible'): Promise<void> {
    await this.page.locator('body').focus()
    await this.page.keyboard.down(key)
    try {
      await target.waitFor({ state })
    } finally {
      await this.page.keyboard.up(key)
    }
  }

  async setStatus(status: 'available' | 'busy' | 'away' | 'dnd', text: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Status: / }).click()
    const form = this.page.getByRole('form', { name: 'Set your status' })
    const labels = { available: 'available', busy: 'busy', away: 'away', dnd: 'do not disturb' }
    await form.getByRole('radio', { name: labels[status] }).check()
    await form.getByLabel('What are you up to?').fill(text)
    await form.getByRole('button', { name: 'Save status' }).click()
  }

  /** Opens the Settings dialog (devices, audio processing, Low power) and returns it. */
  async openSettings(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Settings' })
    await dialog.waitFor()
    return dialog
  }

  async closeSettings(dialog: Locator): Promise<void> {
    await dialog.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }

  offlineBar(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Offline — reconnecting/ })
  }

  /** `who`'s camera tile in the call of `roomName` (its name starts with theirs; "You" for oneself). */
  callTile(roomName: string, who: string): Locator {
    return this.stage(roomName).getByRole('figure', { name: new RegExp(`^${escape(who)}(,|$)`) })
  }

  /** The tile of the screen `who` shares ("you" for one's own), wherever the call shows it. */
  screenTile(who: string): Locator {
    return this.page.getByRole('figure', { name: `Screen shared by ${who}`, exact: true })
  }

  /** Opens the expanded call over the floor; returns it. */
  async expandCall(roomName: string): Promise<Locator> {
    await this.stage(roomName).getByRole('button', { name: 'Expand call' }).click()
    const view = this.expandedCall(roomName)
    await view.waitFor()
    return view
  }

  /** The expanded call (the focus view over the floor). */
  expandedCall(roomName: string): Locator {
    return this.page.getByRole('region', { name: `${roomName} call, expanded`, exact: true })
  }

  /** Frames decoded of `who`'s video, read from the tile's stats panel (opened on first use). */
  async framesDecoded(who: string): Promise<number> {
    return this.tileFramesDecoded(this.page.getByRole('figure', { name: new RegExp(`^${escape(who)}`) }))
  }

  /** Frames decoded of the video in `tile` (a camera or a screen), from its stats panel. */
  async tileFramesDecoded(tile: Locator): Promise<number> {
    const stats = tile.getByTestId('frames-decoded')
    if (!(await stats.isVisible())) await tile.getByRole('button', { name: 'Stats' }).click()
    await this.page.waitForFunction((el) => /^\d+$/.test(el?.textContent ?? ''), await stats.elementHandle())
    return Number(await stats.textContent())
  }

  /** Waits until `who`'s decoded frame count passes `count` (or that of `tile`, given a Locator). */
  async waitForFramesBeyond(who: string | Locator, count: number, timeout = 15_000): Promise<number> {
    const tile = typeof who === 'string' ? this.page.getByRole('figure', { name: new RegExp(`^${escape(who)}`) }) : who
    const stats = tile.getByTestId('frames-decoded')
    await this.page.waitForFunction(([el, n]) => Number(el?.textContent ?? 0) > n, [await stats.elementHandle(), count] as const, { timeout })
    return Number(await stats.textContent())
  }
}

/** Opens hosts' Manage list in the top bar (Invite people, People and invites, Space usage) unless it is open. */
export async function openManage(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Manage' })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}
