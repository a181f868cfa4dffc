import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { textLimits } from '../../shared/api/text';

/** Issue 9 in the log screen: automatic entries offer no correction (the server refuses one); the text box stops at the server's limit. */
describe('the log screen and automatic entries', () => {
  const e2e = useE2E({ street: { code: '500104001', name: '测试街道' } });
  beforeAll(async () => {
    const op = await e2e.api<{ id: number }>('saveOperator', { name: '王值班' });
    await e2e.api('signIn', { operatorId: op.id });
    await e2e.api('addLogEntry', { category: 'call', text: '桂花小区物业来电' });
  });

  test('a hand entry can be corrected, an automatic one (the sign-in) cannot; the text box takes at most 4000 characters', async () => {
    const { page } = await e2e.open('/log');
    const hand = page.getByTestId('log-row').filter({ hasText: '桂花小区物业来电' });
    const signIn = page.getByTestId('log-row').filter({ hasText: '王值班 登录值班台' });
    await expect.poll(() => hand.count()).toBe(1);
    await expect.poll(() => signIn.count()).toBe(1);
    expect(await hand.getByTestId('log-correct').count()).toBe(1);
    expect(await signIn.getByTestId('log-correct').count()).toBe(0);
    expect(await page.getByTestId('log-text').getAttribute('maxlength')).toBe(String(textLimits.logText));
    await page.getByTestId('log-text').fill('长'.repeat(textLimits.logText + 10));
    expect((await page.getByTestId('log-text').inputValue()).length).toBe(textLimits.logText);
    await page.getByTestId('log-text').fill('');
    await screenshot(page, 'log-auto-entries');
  });
});
