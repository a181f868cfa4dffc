// Takes the README's screenshots from the real app: the built browser host with the demo street, in Chromium.
// Run after `npm run build`: npx tsx scripts/readme-screenshots.ts  (writes docs/screenshots/*.png)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startHost } from '../test/helpers/host';
import { launchBrowser, newPage } from '../test/helpers/browser';

const out = path.resolve('docs', 'screenshots');
const MIN = 60_000;

async function must<T>(p: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const host = await startHost();
  const { browser, close } = await launchBrowser();
  try {
    await must(host.call('loadDemoStreet'));
    await must(host.call('saveSettings', { unitName: '示例街道办事处（虚构）' }));
    // The demo street's own operators: its duty officer takes the desk.
    const operators = await must<{ id: number; name: string }[]>(host.call('listOperators'));
    await must(host.call('signIn', { operatorId: operators.find((o) => o.name === '刘值班')!.id }));
    await must(host.call('saveCommandLeader', { role: 'commander', person: { name: '吴书记', phone: '13900000001' } }));
    await must(host.call('saveCommandLeader', { role: 'exec_commander', person: { name: '李副书记', phone: '13900000002' } }));

    const { page } = await newPage(browser);
    const shot = async (route: string, name: string, ready: string) => {
      await page.evaluate((r) => (window.location.hash = r), route);
      await page.locator(ready).first().waitFor({ state: 'attached' });
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(out, `${name}.png`) });
    };
    await page.goto(host.url);
    await shot('/board', 'board-routine', '[data-testid="map-ready"]');
    await shot('/data/compounds', 'street-data', 'table');

    await must(
      host.call('switchToEmergency', { reportedAt: Date.now() - 105 * MIN, place: '滨江社区 滨江花园 3 栋', caseType: 'confirmed', reportedBy: '区疾控中心 王某' }),
    );
    await page.reload();
    await shot('/board', 'board-emergency', '[data-testid="map-ready"]');
    await shot('/mode', 'mode-emergency', '[data-testid="deadline-row"]');

    await page.evaluate(() => (window.location.hash = '/print/briefing'));
    await page.waitForSelector('body[data-print-ready="true"]');
    const pdf = path.join(out, 'briefing.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(out, 'briefing-page')]);
    fs.rmSync(pdf);
    console.log(`screenshots in ${out}: ${fs.readdirSync(out).join(', ')}`);
  } finally {
    await close();
    await host.stop();
  }
}

void main();
