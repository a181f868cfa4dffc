import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningHost } from '../helpers/host';

/** Shared setup of the 平急转换 e2e tests. */
export const UNIT = '测试街道办事处';
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export interface Op { id: number; name: string }

/**
 * A street with two communities and two operators, made through the API (not what these tests are about). 王值班 signs
 * in to make it (every change needs the desk) and signs out again: the tests start with nobody at the desk.
 */
export async function prepareStreet(host: RunningHost): Promise<{ wang: Op; li: Op }> {
  expect((await host.call('createStreet', { code: '500104001', name: '测试街道' })).ok).toBe(true);
  const wang = await host.call<Op>('saveOperator', { name: '王值班', phone: '13800000001' });
  expect((await host.call('signIn', { operatorId: wang.value!.id })).ok).toBe(true);
  expect((await host.call('saveSettings', { unitName: UNIT })).ok).toBe(true);
  for (const [code, name] of [['C01', '东山社区'], ['C02', '西河社区']]) {
    expect((await host.call('saveCommunity', { code, name })).ok).toBe(true);
  }
  const li = await host.call<Op>('saveOperator', { name: '李接班', phone: '13800000002' });
  expect((await host.call('signOut', {})).ok).toBe(true);
  return { wang: wang.value!, li: li.value! };
}

export async function go(page: Page, route: string) {
  await page.evaluate((r) => (window.location.hash = r), route);
}

export async function signInThroughUi(page: Page, name: string) {
  await page.getByTestId('open-signin').click();
  await page.getByTestId('signin-who').selectOption({ label: name });
  await page.getByTestId('signin-submit').click();
  await expect.poll(() => page.getByTestId('desk-operator').textContent()).toContain(name);
}

export async function fillPerson(page: Page, scope: string, name: string, phone: string) {
  await page.locator(`${scope} input[data-field="name"]`).first().fill(name);
  await page.locator(`${scope} input[data-field="phone"]`).first().fill(phone);
}
