import { z } from 'zod';
import { defineFeature, read, selfLoggedWrite, write } from './define';
import { empty, idInput, okOutput } from './common';
import { noteText, personNameText, phoneText } from './text';

/** Who is at the desk (值班员). One desk per database; every record carries the operator's id. */

const personName = personNameText('姓名');
export const phone = phoneText.optional('电话');
/** A PIN as typed at sign-in: checked against the stored hash, so only its length is bounded here. */
const typedPin = z.string().max(64, 'PIN 过长');
export const pin = z.string().regex(/^\d{4,8}$/, 'PIN 须为 4 到 8 位数字');
/** Administrators' PINs are longer: 6 digits at least (checked by the service, which knows who is an admin). */
export const ADMIN_PIN_MIN_DIGITS = 6;
/**
 * The signed-in administrator's own PIN, typed again to change another operator's PIN or to make an administrator
 * (an unlocked desk left alone must not be enough for that).
 */
const adminPin = typedPin.optional();

export const operatorDto = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  isAdmin: z.boolean(),
  hasPin: z.boolean(),
  active: z.boolean(),
});
export type OperatorDto = z.infer<typeof operatorDto>;

/** A reference to who did something, as shown beside a record. */
export const operatorRef = z.object({ id: z.number().int(), name: z.string() });
export type OperatorRef = z.infer<typeof operatorRef>;

export const deskDto = z.object({
  operator: operatorDto.nullable(),
  /** When the current operator signed in (epoch ms). */
  since: z.number().nullable(),
  /**
   * The desk is locked: idle longer than idleLockMinutes, locked on demand, or the app was restarted or a backup
   * restored. A locked desk refuses every change (`desk_locked`) until the operator unlocks it with their PIN (or the
   * next operator signs in). Always false when nobody is signed in.
   */
  locked: z.boolean(),
  /** When it locked (epoch ms); null when not locked. */
  lockedAt: z.number().nullable(),
  /** Setting idleLockMinutes: the desk locks after this many minutes without activity; 0 = never. */
  idleLockMinutes: z.number().int(),
});
export type DeskDto = z.infer<typeof deskDto>;

export const deskFeature = defineFeature('desk', {
  listOperators: read('People who take the desk (inactive ones too, flagged)', empty, z.array(operatorDto)),
  saveOperator: write(
    'Add (no id) or edit an operator. Once an admin exists, only a signed-in admin may manage operators; making an administrator needs that admin\'s PIN again (adminPin). Open without a desk while no operator exists (first start).',
    z.object({
      id: z.number().int().optional(),
      name: personName,
      phone,
      isAdmin: z.boolean().optional(),
      active: z.boolean().optional(),
      adminPin,
    }),
    operatorDto,
    ['desk'],
    { desk: 'firstStart' },
  ),
  setOperatorPin: write(
    'Set (or clear with null) the PIN of an operator; stored as a salted scrypt hash (administrators: 6 digits or more). Admin only once an admin exists; another operator\'s PIN needs the admin\'s own PIN again (adminPin).',
    z.object({ id: z.number().int().positive(), pin: pin.nullable(), adminPin }),
    operatorDto,
    ['desk'],
  ),
  getDesk: read('The operator at the desk now (null when nobody is signed in), whether the desk is locked, and the idle lock setting', empty, deskDto),
  signIn: selfLoggedWrite(
    'Take the desk by picking a name (+ PIN when one is set). Signing in again as the same person unlocks the desk.',
    z.object({ operatorId: z.number().int().positive(), pin: typedPin.optional() }),
    deskDto,
    ['desk', 'mode'],
    { desk: 'open' },
  ),
  lockDesk: selfLoggedWrite('Lock the desk now (the operator stays signed in; unlocking needs their PIN)', empty, deskDto, ['desk'], { desk: 'open' }),
  unlockDesk: selfLoggedWrite(
    'Unlock the desk for the operator signed in at it: their PIN when one is set',
    z.object({ pin: typedPin.optional() }),
    deskDto,
    ['desk'],
    { desk: 'open' },
  ),
  reportActivity: selfLoggedWrite(
    'The UI saw the user at work (at most once a minute): the idle lock counts from now. Writes no log entry; a locked desk refuses it.',
    empty,
    deskDto,
    ['desk'],
  ),
  signOut: selfLoggedWrite('Leave the desk (nobody signed in afterwards)', empty, deskDto, ['desk', 'mode']),
  handOver: selfLoggedWrite(
    '交接班 in one step: the next operator takes the desk (their PIN if set); the note goes into the log',
    z.object({ toOperatorId: z.number().int().positive(), pin: typedPin.optional(), note: noteText('交接班说明') }),
    deskDto,
    ['desk', 'mode'],
  ),
});

export { idInput, okOutput };
