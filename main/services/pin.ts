import crypto from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import * as q from '../db/operators';
import { writeLog } from './eventlog';
import type { AppContext } from './context';

/**
 * PINs: salted scrypt hashes, and the wrong tries that lock an operator out for a while (stored on the operator's row,
 * so a restart does not reset them).
 *
 * The cost of a new hash: N = 2^16, r = 8, p = 1 (64 MiB of memory, about 250 ms on the desk's machine; see
 * bench/pin-hash.bench.ts). The old cost (N = 2^14, 57 ms) let a stolen database give up a 4-digit PIN in minutes.
 * Each hash stores its own parameters ('scrypt$N$r$p$salt$hash'), so hashes made with the old ones stay verifiable.
 */
export const SCRYPT = { N: 65536, r: 8, p: 1, keyLen: 32 } as const;

/** Memory scrypt needs is 128 * N * r bytes; Node refuses more than 32 MiB unless told. Headroom for its bookkeeping. */
const maxmem = (N: number, r: number) => 128 * N * r + 16 * 1024 * 1024;

export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, SCRYPT.keyLen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: maxmem(SCRYPT.N, SCRYPT.r) });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Checks a PIN against a stored hash with the parameters stored in it (bounded: a doctored row cannot ask for gigabytes). */
export function verifyPin(pin: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (kind !== 'scrypt' || !salt || !hash) return false;
  if (!Number.isInteger(N) || N < 2 || N > 2 ** 20 || !Number.isInteger(R) || R < 1 || R > 32 || !Number.isInteger(P) || P < 1 || P > 16) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N, r: R, p: P, maxmem: maxmem(N, R) });
  return crypto.timingSafeEqual(got, expected);
}

/** After this many wrong PINs in a row, an operator's PIN is not checked for PIN_LOCK_MS. */
const MAX_PIN_FAILURES = 5;
const PIN_LOCK_MS = 5 * 60_000;

/**
 * Checks the PIN of an operator when they have one (no PIN set: nothing to check). A wrong PIN counts towards the
 * lockout and is refused with `keepChanges`, so the count survives the refusal's rollback (and a restart).
 * `whose` names the person in messages ("李值班", or "管理员 张管理").
 */
export function checkPin(ctx: AppContext, operatorId: number, pin: string | undefined, whose: string): void {
  const st = q.getPinState(ctx.db, operatorId);
  if (!st?.hash) return;
  if (!pin) throw new AppError('unauthorized', `${whose} 设置了 PIN，请输入 PIN。`);
  const now = ctx.now();
  if (st.lockedUntil !== null && st.lockedUntil > now) {
    throw new AppError('unauthorized', `${whose} 的 PIN 连续输错 ${MAX_PIN_FAILURES} 次，请 ${Math.ceil((st.lockedUntil - now) / 60_000)} 分钟后再试。`);
  }
  if (!verifyPin(pin, st.hash)) {
    const failures = st.failures + 1;
    if (failures >= MAX_PIN_FAILURES) {
      q.setPinFailures(ctx.db, operatorId, 0, now + PIN_LOCK_MS);
      writeLog(ctx, { category: 'desk', text: `${whose} 的 PIN 连续输错 ${MAX_PIN_FAILURES} 次，${PIN_LOCK_MS / 60_000} 分钟内不再受理该 PIN` });
    } else {
      q.setPinFailures(ctx.db, operatorId, failures, st.lockedUntil);
    }
    throw new AppError('unauthorized', `${whose} 的 PIN 不正确。`, undefined, { keepChanges: true });
  }
  if (st.failures !== 0 || st.lockedUntil !== null) q.setPinFailures(ctx.db, operatorId, 0, null);
}
