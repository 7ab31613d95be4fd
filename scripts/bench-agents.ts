// The Agents step with a fleet of 10,000 rows: the longest main-thread work behind one keystroke,
// typing into the search box and into a row's CN field. Event Timing gives each keystroke's
// processing and rendering; "longtask" the longest task meanwhile. The bench prints both.
import type { Browser } from "@playwright/test";

import { defaultInput } from "../lib/wizard/model";
import { STORAGE_KEY } from "../lib/wizard/persist";

export interface Keystrokes {
  agents: number;
  /** The longest keystroke, from input to the next paint (Event Timing), in ms. */
  longestEvent: number;
  /** The longest main-thread task seen while typing; 0 if none reached 50 ms. */
  longestTask: number;
  keystrokes: number;
}

export async function agentKeystrokes(browser: Browser, origin: string, agents: number): Promise<Keystrokes> {
  const input = defaultInput();
  input.agents.rows = Array.from({ length: agents }, (_, i) => ({ id: `a${i + 1}`, commonName: `agent-${i + 1}` }));
  const page = await browser.newPage();
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  await page.goto(`${origin}/plan`, { timeout: 30_000 });
  await page.evaluate(([k, v]) => sessionStorage.setItem(k!, v!), [STORAGE_KEY, JSON.stringify(input)]);
  await page.goto(`${origin}/agents`);
  const search = page.getByLabel("Search agents");
  await search.waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { events: number[]; tasks: number[] };
    w.events = [];
    w.tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.events.push(e.duration))).observe({
      type: "event",
      durationThreshold: 16,
    } as PerformanceObserverInit);
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.tasks.push(e.duration))).observe({
      type: "longtask",
    });
  });
  const typed = "agent-99";
  await search.pressSequentially(typed, { delay: 60 });
  await search.fill("");
  const cn = page.getByLabel("Agent certificate 1: common name");
  await cn.click();
  await cn.pressSequentially("-x", { delay: 60 });
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => {
    const w = window as unknown as { events: number[]; tasks: number[] };
    return { events: w.events, tasks: w.tasks };
  });
  await page.close();
  return {
    agents,
    longestEvent: Math.max(0, ...seen.events),
    longestTask: Math.max(0, ...seen.tasks),
    keystrokes: typed.length + 2,
  };
}
