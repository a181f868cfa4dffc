import { describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { go, HOUR, MIN } from './mode-setup';

/**
 * Issue 10.7, small things a duty desk notices, on the demo street: its own operators for the first sign-in, a
 * venue's point picked on a map, a compound's details on click, profile names without internal references, notices
 * in the chosen language, Enter saves, and two clocks of one kind in the urgent strip telling which report they are.
 */
describe('small things a duty desk notices', () => {
  const e2e = useE2E({ demo: true });

  test('first sign-in with the demo operators; a venue point picked on the map; a compound opens its details', async () => {
    const { page } = await e2e.open('/board');
    // The demo street's own people, no detour through the operator list.
    await page.getByTestId('open-signin').click({ timeout: 20_000 });
    const offered = await page.getByTestId('signin-who').locator('option').allTextContents();
    expect(offered.slice(1).sort()).toEqual(['刘值班', '周主任', '孙值班'].sort());
    await page.getByTestId('signin-who').selectOption({ label: '刘值班' });
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('desk-operator').textContent()).toContain('刘值班');

    // Clicking a compound on the map opens its details with a link to its row.
    await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 20_000 });
    const compound = page.locator('.street-map path.outline-compound').nth(40);
    const box = (await compound.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const details = page.getByTestId('compound-details');
    await expect.poll(() => details.isVisible()).toBe(true);
    const text = (await details.textContent())!;
    expect(text).toMatch(/社区\S+社区/);
    expect(text).toMatch(/居民[\d,]+户数[\d,]+60岁以上[\d,]+/);
    expect(await details.locator('a').getAttribute('href')).toMatch(/^#\/data\/compounds\?community=\d+$/);
    await page.waitForTimeout(400); // the popup fades in
    await screenshot(page, 'small-compound-details');

    // A new venue: its point is a click on the form's map; the fields fill in and the community is found from it.
    await go(page, '/data/venues');
    await page.getByTestId('add-venue').click();
    const form = page.getByTestId('venue-form');
    await page.fill('#vf-code', 'V-NEW-1');
    await page.fill('#vf-name', '幸福棋牌室');
    await page.selectOption('#vf-type', { label: '棋牌室' });
    const picker = form.getByTestId('point-picker');
    await picker.locator('path.outline-compound').first().waitFor({ state: 'attached' });
    const target = (await picker.locator('path.outline-compound').nth(10).boundingBox())!;
    await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
    await expect.poll(() => page.inputValue('#vf-lng')).toMatch(/^\d{3}\.\d+$/);
    const lng = Number(await page.inputValue('#vf-lng'));
    const lat = Number(await page.inputValue('#vf-lat'));
    expect(await picker.locator('path.picked-point').count()).toBe(1);
    await screenshot(page, 'small-venue-point-picker');
    // Typing still works: the marker follows the typed point.
    await page.fill('#vf-lng', String(lng + 0.0001));
    // Enter in a field saves the form.
    await page.locator('#vf-name').press('Enter');
    await expect.poll(() => form.count()).toBe(0);
    const saved = await e2e.api<{ rows: { lng: number; lat: number; communityName: string | null; compoundName: string | null }[] }>('listVenues', { search: 'V-NEW-1' });
    expect(saved.rows[0]).toMatchObject({ lng: lng + 0.0001, lat });
    expect(saved.rows[0].communityName).toMatch(/社区$/);
    expect(saved.rows[0].compoundName).not.toBeNull();
    await page.close();
  });

  test('profile names without internal references; notices follow the chosen language; Enter saves the settings', async () => {
    const { page } = await e2e.open('/settings');
    await expect.poll(() => page.locator('#policy-profile option').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const options = await page.locator('#policy-profile option').allTextContents();
    for (const o of options) expect(o).not.toMatch(/种子|seed/i);
    // The source is a details line of its own.
    expect(await page.getByTestId('policy-profile').textContent()).toContain('依据：国家第九版防控方案；城东办事处发〔2022〕63号');

    // Enter in the unit name saves; the notice is in the language just chosen.
    await page.selectOption('#language', 'en');
    await page.locator('#unit-name').press('Enter');
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toBe('Saved');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Settings');
    await screenshot(page, 'small-settings-saved-en');
    await page.selectOption('#language', 'zh-CN');
    await page.locator('#unit-name').press('Enter');
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toBe('已保存');
    await page.close();
  });

  test('two online-report clocks in the urgent strip say which report each belongs to', async () => {
    await e2e.api('switchToEmergency', { reportedAt: Date.now() - HOUR, place: '桂花小区 3 栋', caseType: 'confirmed', reportedBy: '区疾控中心' });
    await e2e.api('recordPositive', { reportedAt: Date.now() - 50 * MIN, place: '幸福小区 5 栋', caseType: 'asymptomatic', reportedBy: '区疾控中心' });
    const { page } = await e2e.open('/board');
    const chips = page.getByTestId('deadline-chip').filter({ hasText: '网络直报' });
    await expect.poll(() => chips.count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => chips.getByTestId('deadline-chip-report').allTextContents()).toEqual([
      expect.stringMatching(/^桂花小区 3 栋（\d\d:\d\d 报）$/),
      expect.stringMatching(/^幸福小区 5 栋（\d\d:\d\d 报）$/),
    ]);
    // A clock of its own kind needs no such note.
    expect(await page.getByTestId('deadline-chip').filter({ hasNotText: '网络直报' }).getByTestId('deadline-chip-report').count()).toBe(0);
    await screenshot(page, 'small-strip-two-reports');
    await page.close();
  });
});
