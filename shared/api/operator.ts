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
  /** Setting idleLockMinutes: the UI locks the screen after this many idle minutes; 0 = never. */
  idleLockMinutes: z.number().int(),
});
export type DeskDto = z.infer<typeof deskDto>;

export const deskFeature = defineFeature('desk', {
  listOperators: read('People who take the desk (inactive ones too, flagged)', empty, z.array(operatorDto)),
  saveOperator: write(
    'Add (no id) or edit an operator. Once an admin exists, only a signed-in admin may manage operators.',
    z.object({
      id: z.number().int().optional(),
      name: personName,
      phone,
      isAdmin: z.boolean().optional(),
      active: z.boolean().optional(),
    }),
    operatorDto,
    ['desk'],
  ),
  setOperatorPin: write(
    'Set (or clear with null) the PIN of an operator; stored as a salted scrypt hash. Admin only once an admin exists.',
    z.object({ id: z.number().int().positive(), pin: pin.nullable() }),
    operatorDto,
    ['desk'],
  ),
  getDesk: read('The operator at the desk now (null when nobody is signed in) and the idle lock', empty, deskDto),
  signIn: selfLoggedWrite(
    'Take the desk by picking a name (+ PIN when one is set). Signing in again as the same person unlocks the screen.',
    z.object({ operatorId: z.number().int().positive(), pin: typedPin.optional() }),
    deskDto,
    ['desk', 'mode'],
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
