import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';

/**
 * 街道数据 through the UI of a fresh host: a small street built through the API (not the demo street),
 * then search, add, edit, a duplicate code refused inside the dialog, and delete with confirmation,
 * each step checked through the API.
 */

interface Compound {
  id: number;
  code: string;
  name: string;
  communityId: number;
  residents: number;
  households: number;
  elderly: number;
  buildings: number | null;
  gridId: number | null;
}
interface Summary {
  communities: number;
  compounds: number;
  residents: number;
  households: number;
  elderly: number;
}

/** The CPU is shared with other test runs: give the UI time to settle before a check fails. */
const poll = <T>(fn: () => Promise<T> | T, timeout = 10_000) => expect.poll(fn, { timeout, interval: 100 });

const square = (lng: number, lat: number, d: number) => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});

describe('street data screen', () => {
  const e2e = useE2E({ street: { code: '500104001', name: '测试街道' }, signedIn: true });
  const api = e2e.api;
  let page: Page;
  let external: string[];
  let eastId: number;

  const compounds = async (search?: string) => api<{ total: number; rows: Compound[] }>('listCompounds', search ? { search } : {});
  const summary = () => api<Summary>('getStreetSummary');
  const row = (code: string) => page.locator(`tr[data-code="${code}"]`);
  /** The codes of the rows a table shows now, in order. */
  const codes = (table: string) => page.locator(`[data-testid=${table}] tbody tr[data-code]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));

  beforeAll(async () => {
    const east = await api<{ id: number }>('saveCommunity', { code: 'C01', name: '东苑社区', boundary: square(106.5, 29.53, 0.01) });
    const west = await api<{ id: number }>('saveCommunity', { code: 'C02', name: '西苑社区', boundary: square(106.48, 29.53, 0.01) });
    eastId = east.id;
    await api('saveCompound', {
      code: 'P001', name: '桂花小区', communityId: east.id, buildings: 12, residents: 12000, households: 4500, elderly: 3000,
      boundary: square(106.501, 29.531, 0.002),
    });
    await api('saveCompound', { code: 'P002', name: '兰园小区', communityId: east.id, residents: 800, households: 300, elderly: 100 });
    await api('saveCompound', { code: 'P003', name: '竹林小区', communityId: west.id, buildings: 4, residents: 500, households: 200, elderly: 90 });
    await api('saveVenue', { code: 'V001', name: '桂花棋牌室', type: 'chess_room', lng: 106.5015, lat: 29.5315, address: '桂花路 1 号', contact: '023-6000 0001' });
    await api('saveVenue', { code: 'V002', name: '东苑农贸市场', type: 'market', lng: 106.508, lat: 29.538, address: '东苑路 20 号' });
    // Teams have no API yet (they come from the demo or an import): write two straight into the host's database.
    const db = new Database(path.join(e2e.host.dataDir, 'streetcommand.sqlite'));
    const team = db.prepare('INSERT INTO sampling_team (code, name, updated_at) VALUES (?, ?, 0)');
    const member = db.prepare('INSERT INTO team_member (team_id, name, role, phone) VALUES (?, ?, ?, ?)');
    for (const [code, name, people] of [
      ['T01', '第一采样队', [['周队长', 'leader', '13800000001'], ['吴采样', 'sampler', null], ['郑登记', 'registrar', null], ['王司机', 'driver', null]]],
      ['T02', '第二采样队', [['冯队长', 'leader', '13800000002'], ['陈采样', 'sampler', null], ['褚登记', 'registrar', null]]],
    ] as const) {
      const id = Number(team.run(code, name).lastInsertRowid);
      for (const [n, role, phone] of people) member.run(id, n, role, phone);
    }
    db.close();
    ({ page, external } = await e2e.newPage());
  });

  test('communities: totals per community and for the street, with thousands separators', async () => {
    await page.goto(`${e2e.host.url}#/data`);
    await poll(() => row('C01').isVisible(), 20_000).toBe(true);
    expect(await page.getByTestId('row-count').textContent()).toContain('共 2 条');
    const east = row('C01');
    expect(await east.locator('td').nth(3).textContent()).toBe('12,800');
    expect(await page.locator('tfoot').textContent()).toContain('13,300');
    expect(await page.getByTestId('import-export').getAttribute('href')).toBe('#/data/import');
    await screenshot(page, 'street-data-communities');

    // Asking to delete a community says what goes with it; cancelling leaves everything.
    await east.getByRole('button', { name: '删除' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    const text = await dialog.textContent();
    expect(text).toContain('东苑社区');
    expect(text).toContain('2 个小区');
    expect(text).toContain('12,800 名居民');
    await screenshot(page, 'street-data-confirm-community');
    await dialog.getByRole('button', { name: '取消' }).click();
    await poll(() => dialog.count()).toBe(0);
    expect((await summary()).communities).toBe(2);
  });

  test('compounds: search on the server, filter by community', async () => {
    await page.getByTestId('tab-compounds').click();
    await poll(() => codes('compound-table')).toEqual(['P001', 'P002', 'P003']);
    await page.getByTestId('compound-search').fill('桂花');
    await poll(() => codes('compound-table')).toEqual(['P001']);
    expect(await row('P001').textContent()).toContain('桂花小区');
    expect((await compounds('桂花')).rows.map((p) => p.code)).toEqual(['P001']);
    expect(await page.getByTestId('row-count').textContent()).toContain('共 1 条');

    await page.getByTestId('compound-search').fill('');
    await page.getByTestId('compound-community-filter').selectOption({ label: '西苑社区' });
    await poll(() => codes('compound-table')).toEqual(['P003']);
    expect(page.url()).toContain('community=');
    await page.getByTestId('compound-community-filter').selectOption({ label: '全部社区' });
    await poll(() => codes('compound-table')).toEqual(['P001', 'P002', 'P003']);
    await screenshot(page, 'street-data-compounds');
  });

  test('compounds: add one, then edit its residents; the street totals follow', async () => {
    await page.getByTestId('add-compound').click();
    const form = page.getByTestId('compound-form');
    await poll(() => form.isVisible()).toBe(true);
    // Empty fields are named before anything is sent.
    await form.getByTestId('form-save').click();
    await poll(() => form.locator('.sd-field-error').count()).toBeGreaterThanOrEqual(3);
    expect(await form.textContent()).toContain('编码不能为空');
    await page.fill('#pf-code', 'P004');
    await page.fill('#pf-name', '梅苑小区');
    await page.locator('#pf-community').selectOption({ label: '东苑社区 (C01)' });
    await page.fill('#pf-buildings', '6');
    await page.fill('#pf-residents', '1,500');
    await page.fill('#pf-households', '600');
    await page.fill('#pf-elderly', '320');
    await screenshot(page, 'street-data-compound-form');
    await form.getByTestId('form-save').click();
    await poll(() => form.count()).toBe(0);
    await poll(() => row('P004').isVisible()).toBe(true);
    expect(await row('P004').locator('[data-col=residents]').textContent()).toBe('1,500');
    const added = (await compounds('P004')).rows[0];
    expect(added).toMatchObject({ name: '梅苑小区', communityId: eastId, buildings: 6, residents: 1500, households: 600, elderly: 320 });
    expect((await summary()).residents).toBe(14800);

    await row('P004').getByRole('button', { name: '编辑' }).click();
    await poll(() => form.isVisible()).toBe(true);
    expect(await page.inputValue('#pf-residents')).toBe('1500');
    await page.fill('#pf-residents', '2100');
    await form.getByTestId('form-save').click();
    await poll(() => form.count()).toBe(0);
    await poll(() => row('P004').locator('[data-col=residents]').textContent()).toBe('2,100');
    expect((await compounds('P004')).rows[0]).toMatchObject({ residents: 2100, households: 600, elderly: 320 });
    expect(await summary()).toMatchObject({ compounds: 4, residents: 15400 });
  });

  test('a duplicate code or impossible numbers are refused inside the dialog, which stays open', async () => {
    await page.getByTestId('add-compound').click();
    const form = page.getByTestId('compound-form');
    await poll(() => form.isVisible()).toBe(true);
    await page.fill('#pf-code', 'P001');
    await page.fill('#pf-name', '重复小区');
    await page.locator('#pf-community').selectOption({ label: '西苑社区 (C02)' });
    await page.fill('#pf-residents', '10');
    await page.fill('#pf-households', '4');
    await page.fill('#pf-elderly', '2');
    await form.getByTestId('form-save').click();
    const error = form.getByRole('alert');
    await poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('小区编码 P001 已存在');
    expect(await page.inputValue('#pf-name')).toBe('重复小区');
    await screenshot(page, 'street-data-duplicate-error');
    expect((await compounds()).total).toBe(4);
    expect((await compounds('P001')).rows[0].name).toBe('桂花小区');

    // Fixing the code but claiming more elderly than residents: the API's reason, still in the dialog.
    await page.fill('#pf-code', 'P005');
    await page.fill('#pf-elderly', '11');
    await form.getByTestId('form-save').click();
    await poll(() => error.textContent()).toContain('60岁以上人数 (11) 不能大于居民数 (10)');
    expect((await compounds()).total).toBe(4);

    await page.keyboard.press('Escape');
    await poll(() => form.count()).toBe(0);
    expect((await compounds()).total).toBe(4);
  });

  test('deleting a compound asks first, says what goes with it, then deletes', async () => {
    await row('P004').getByRole('button', { name: '删除' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    const text = await dialog.textContent();
    expect(text).toContain('梅苑小区');
    expect(text).toContain('2,100 名居民');
    await screenshot(page, 'street-data-confirm-compound');
    // Nothing is deleted until the user confirms.
    expect((await compounds()).total).toBe(4);
    await dialog.getByTestId('confirm-delete').click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => row('P004').count()).toBe(0);
    expect((await compounds('P004')).total).toBe(0);
    expect(await summary()).toMatchObject({ compounds: 3, residents: 13300 });
    expect(await page.getByTestId('row-count').textContent()).toContain('共 3 条');
  });

  test('venues: type labels in Chinese, community and compound found from the point; teams read-only', async () => {
    await page.getByTestId('tab-venues').click();
    await poll(() => row('V001').isVisible()).toBe(true);
    await poll(() => row('V001').textContent()).toContain('桂花小区');
    const v1 = await row('V001').textContent();
    expect(v1).toContain('棋牌室');
    expect(v1).toContain('东苑社区');
    expect(await row('V002').textContent()).toMatch(/东苑社区–/);
    await page.getByTestId('venue-type-filter').selectOption({ label: '农贸市场' });
    await poll(() => codes('venue-table')).toEqual(['V002']);
    await page.getByTestId('venue-type-filter').selectOption({ label: '全部类型' });
    await poll(() => codes('venue-table')).toEqual(['V001', 'V002']);
    await screenshot(page, 'street-data-venues');

    // A latitude out of range comes back from the API naming the field.
    await row('V002').getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('venue-form');
    await poll(() => form.isVisible()).toBe(true);
    await page.fill('#vf-lat', '95');
    await form.getByTestId('form-save').click();
    await poll(() => form.getByRole('alert').textContent()).toContain('纬度须在 -90 到 90 之间');
    await page.fill('#vf-lat', '29.5385');
    await form.getByTestId('form-save').click();
    await poll(() => form.count()).toBe(0);
    const venues = await api<{ rows: { code: string; lat: number }[] }>('listVenues', { search: 'V002' });
    expect(venues.rows[0].lat).toBe(29.5385);

    await page.getByTestId('tab-teams').click();
    await poll(() => codes('team-list')).toEqual(['T01', 'T02']);
    const t1 = await row('T01').textContent();
    expect(t1).toContain('周队长');
    expect(t1).toContain('13800000001');
    expect(t1).toContain('吴采样采样员');
    expect(await page.getByTestId('team-list').textContent()).toContain('队员 7 人');
    // Read-only: no add, edit or delete here.
    expect(await page.getByTestId('team-list').getByRole('button').count()).toBe(0);
    await screenshot(page, 'street-data-teams');
  });

  test('grids: add one in a community, choose it in the compound form, then delete it (its compounds stay)', async () => {
    await page.getByTestId('tab-grids').click();
    const table = page.getByTestId('grid-table');
    await poll(() => table.textContent()).toContain('还没有网格');
    await screenshot(page, 'street-data-grids-empty');

    await page.getByTestId('add-grid').click();
    const form = page.getByTestId('grid-form');
    await poll(() => form.isVisible()).toBe(true);
    await form.getByTestId('form-save').click();
    await poll(() => form.locator('.sd-field-error').count()).toBe(3);
    await page.fill('#gf-code', 'G01');
    await page.fill('#gf-name', '东苑一网格');
    await page.locator('#gf-community').selectOption({ label: '东苑社区 (C01)' });
    await screenshot(page, 'street-data-grid-form');
    await form.getByTestId('form-save').click();
    await poll(() => form.count()).toBe(0);
    await poll(() => codes('grid-table')).toEqual(['G01']);
    expect(await row('G01').textContent()).toContain('东苑社区');
    expect(await row('G01').locator('[data-col=compounds]').textContent()).toBe('0');
    // A second grid in the other community, added through the API; the community filter keeps to one.
    await api('saveGrid', { code: 'G02', name: '西苑一网格', communityId: (await api<{ id: number; code: string }[]>('listCommunities')).find((c) => c.code === 'C02')!.id });
    await page.getByTestId('tab-communities').click();
    await page.getByTestId('tab-grids').click();
    await poll(() => codes('grid-table')).toEqual(['G01', 'G02']);
    await page.getByTestId('grid-community-filter').selectOption({ label: '西苑社区' });
    await poll(() => codes('grid-table')).toEqual(['G02']);
    await page.getByTestId('grid-community-filter').selectOption({ label: '全部社区' });
    await page.getByTestId('grid-search').fill('东苑');
    await poll(() => codes('grid-table')).toEqual(['G01']);
    await page.getByTestId('grid-search').fill('');

    // The compound form lists the grids of the chosen community only.
    await page.getByTestId('tab-compounds').click();
    await poll(() => row('P002').isVisible()).toBe(true);
    await row('P002').getByRole('button', { name: '编辑' }).click();
    const compoundForm = page.getByTestId('compound-form');
    await poll(() => compoundForm.isVisible()).toBe(true);
    const gridOptions = () => page.locator('#pf-grid option').allTextContents();
    await poll(gridOptions).toEqual(['不指定网格', '东苑一网格 (G01)']);
    await page.locator('#pf-grid').selectOption({ label: '东苑一网格 (G01)' });
    // Households above residents: refused by the API, inside the dialog.
    await page.fill('#pf-households', '801');
    await compoundForm.getByTestId('form-save').click();
    await poll(() => compoundForm.getByRole('alert').textContent()).toContain('户数 (801) 不能大于居民数 (800)');
    await page.fill('#pf-households', '300');
    await compoundForm.getByTestId('form-save').click();
    await poll(() => compoundForm.count()).toBe(0);
    await poll(() => row('P002').textContent()).toContain('东苑一网格');
    expect((await compounds('P002')).rows[0].households).toBe(300);

    await page.getByTestId('tab-grids').click();
    await poll(() => row('G01').locator('[data-col=compounds]').textContent()).toBe('1');
    await screenshot(page, 'street-data-grids');

    // Deleting the grid says its compound stays, unlinked.
    await row('G01').getByRole('button', { name: '删除' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('其下 1 个小区保留');
    await screenshot(page, 'street-data-confirm-grid');
    await dialog.getByTestId('confirm-delete').click();
    await poll(() => codes('grid-table')).toEqual(['G02']);
    expect((await compounds('P002')).rows[0].gridId).toBeNull();
    expect((await summary()).compounds).toBe(3);
  });

  test('communities: add one through the dialog, then delete it with confirmation', async () => {
    await page.getByTestId('tab-communities').click();
    await page.getByTestId('add-community').click();
    const form = page.getByTestId('community-form');
    await poll(() => form.isVisible()).toBe(true);
    await page.fill('#cf-code', 'C01');
    await page.fill('#cf-name', '南苑社区');
    await form.getByTestId('form-save').click();
    await poll(() => form.getByRole('alert').textContent()).toContain('社区编码 C01 已存在');
    await page.fill('#cf-code', 'C03');
    await form.getByTestId('form-save').click();
    await poll(() => codes('community-table')).toEqual(['C01', 'C02', 'C03']);
    expect((await summary()).communities).toBe(3);

    await row('C03').getByRole('button', { name: '删除' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await poll(() => dialog.isVisible()).toBe(true);
    // An empty community takes no compounds or residents with it, and the dialog does not claim it does.
    expect(await dialog.textContent()).not.toContain('个小区');
    await dialog.getByTestId('confirm-delete').click();
    await poll(() => codes('community-table')).toEqual(['C01', 'C02']);
    expect((await summary()).communities).toBe(2);
    expect(external).toEqual([]);
  });

  test('with nobody signed in add, edit and delete are disabled and say 请先签到; 最后修改 shows when and who', async () => {
    await page.getByTestId('tab-compounds').click();
    // Built through the API by the operator the fixture signed in.
    await poll(() => row('P003').locator('[data-col=changed]').textContent()).toMatch(new RegExp(`^\\d\\d-\\d\\d \\d\\d:\\d\\d ${e2e.operator.name}$`));
    await api('saveOperator', { name: '王值班' });
    await api('signOut');
    await page.reload();
    // The server would refuse every change now, so the pane offers none (issue 9: no form that will be refused).
    const notice = page.getByTestId('compound-table').getByTestId('desk-notice');
    await poll(() => notice.textContent()).toContain('请先签到');
    expect(await page.getByTestId('add-compound').isDisabled()).toBe(true);
    expect(await row('P003').getByRole('button', { name: '编辑' }).isDisabled()).toBe(true);
    expect(await row('P003').getByRole('button', { name: '删除' }).isDisabled()).toBe(true);
    await screenshot(page, 'street-data-signed-out');
    // Signing in from the notice opens the pane again.
    await notice.getByTestId('desk-notice-signin').click();
    await page.getByTestId('signin-who').selectOption({ label: '王值班' });
    await page.getByTestId('signin-submit').click();
    await poll(() => page.getByTestId('desk-operator').textContent()).toContain('王值班');
    await poll(() => notice.count()).toBe(0);
    await row('P003').getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('compound-form');
    await poll(() => form.isVisible()).toBe(true);
    await page.fill('#pf-residents', '520');
    await form.getByTestId('form-save').click();
    await poll(() => form.count()).toBe(0);
    const cell = row('P003').locator('[data-col=changed]');
    await poll(() => cell.textContent()).toMatch(/^\d\d-\d\d \d\d:\d\d 王值班$/);
    // The cell shows the stored time in Shanghai (UTC+8) as MM-DD HH:mm.
    const stored = await api<{ rows: { code: string; updatedAt: number }[] }>('listCompounds', { search: 'P003' });
    const updatedAt = stored.rows.find((r) => r.code === 'P003')!.updatedAt;
    const shanghai = new Date(updatedAt + 8 * 3_600_000).toISOString();
    expect((await cell.textContent())!.slice(0, 11)).toBe(`${shanghai.slice(5, 10)} ${shanghai.slice(11, 16)}`);
    expect(await page.locator('[data-testid=compound-table] thead').textContent()).toContain('最后修改');
    await screenshot(page, 'street-data-last-change');
    await api('signOut');
  });
});
