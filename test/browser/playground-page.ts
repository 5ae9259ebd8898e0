import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CARD_WAIT_MS = 15_000;

export interface Chromium {
  open(url: string): Promise<PlaygroundPage>;
  close(): Promise<void>;
}

/**
 * Headless Debian Chromium (Playwright gives it a fresh, temporary profile); nothing but this machine is
 * reachable from its pages. Each person gets a context of their own: a window, not a background tab,
 * which Chromium would throttle.
 */
export async function launchChromium(): Promise<Chromium> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  return {
    open: async (url) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(url);
      const chat = new PlaygroundPage(page);
      await chat.messageBox.waitFor();
      return chat;
    },
    close: () => browser.close(),
  };
}

/** One person's Playground tab, used as that person would: type in the box, read cards, click buttons. */
export class PlaygroundPage {
  readonly messageBox: Locator;

  constructor(readonly page: Page) {
    this.messageBox = page.locator('[data-lexical-editor="true"][role="textbox"]');
  }

  async say(text: string): Promise<void> {
    await this.messageBox.click();
    await this.page.keyboard.insertText(text);
    await this.messageBox.press('Enter');
  }

  /** The newest card that shows all of `texts`, once it does. */
  async card(...texts: (string | RegExp)[]): Promise<Locator> {
    let cards = this.page.locator('.ac-adaptiveCard');
    for (const text of texts) cards = cards.filter({ hasText: text });
    const card = cards.last();
    await card.waitFor({ timeout: CARD_WAIT_MS });
    return card;
  }

  /** A picture of one card (or the whole page) under test-results/, for a person to look at. */
  async screenshot(name: string, card?: Locator): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `playground-${name}.png`);
    if (!card) return void (await this.page.screenshot({ path }));
    // The chat scrolls inside the page: a card taller than the window is only whole in a taller window.
    const height = (await card.boundingBox())?.height ?? 0;
    const viewport = this.page.viewportSize();
    if (viewport && height + 300 > viewport.height) await this.page.setViewportSize({ ...viewport, height: Math.ceil(height) + 300 });
    await card.screenshot({ path });
    if (viewport) await this.page.setViewportSize(viewport);
  }
}
