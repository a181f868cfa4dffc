import { describe, expect, test } from 'vitest';
import { isPhone, phoneKind } from '../../shared/domain/phone';

/** The phone check shared by the command structure and the duty roster (issue 10.6). */
describe('phone numbers', () => {
  test('an 11-digit mobile 1[3-9]…, as people type it', () => {
    for (const p of ['13812345678', '199 1234 5678', '138-1234-5678', '+86 138 1234 5678', '8613812345678']) expect(phoneKind(p), p).toBe('mobile');
  });
  test('a landline with its area code (3 or 4 digits with the 0) and 7 or 8 digits', () => {
    for (const p of ['023-68123456', '010-12345678', '0755-1234567', '(023)68123456', '（023）68123456', '023 68123456', '02368123456']) {
      expect(phoneKind(p), p).toBe('landline');
    }
  });
  test('refused: a 10-digit number (once accepted and printed), a local number without area code, 12… mobiles, words', () => {
    for (const p of ['1380000000', '68123456', '12345678901', '138123456789', '023-123456', '0755-123456789', '电话未知', '', '138****5678']) {
      expect(isPhone(p), p).toBe(false);
    }
  });
});
