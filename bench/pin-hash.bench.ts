/**
 * The cost of a PIN hash (issue 9: about 250 ms, so a stolen database does not give up a 4-digit PIN in minutes):
 * hashing and checking with the parameters new PINs get, and with the ones before version 13, for the record.
 */
import crypto from 'node:crypto';
import { SCRYPT, hashPin, verifyPin } from '../main/services/pin';
import type { BenchResult } from './types';

const RUNS = 5;

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

export async function run(): Promise<BenchResult[]> {
  const stored = hashPin('246810');
  const salt = crypto.randomBytes(16);
  return [
    {
      name: `pin hash: scrypt N=${SCRYPT.N} r=${SCRYPT.r} p=${SCRYPT.p}`,
      figures: {
        hashMs: Math.round(median(() => hashPin('246810'))),
        verifyMs: Math.round(median(() => verifyPin('246810', stored))),
        memoryMiB: (128 * SCRYPT.N * SCRYPT.r) / 2 ** 20,
      },
    },
    {
      name: 'pin hash: before version 13, scrypt N=16384 r=8 p=1',
      figures: { hashMs: Math.round(median(() => crypto.scryptSync('246810', salt, 32, { N: 16384, r: 8, p: 1 }))) },
    },
  ];
}
