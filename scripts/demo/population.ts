import type { Rng } from './random';
import { givenName, maskedPhone, surname, type CompoundKind, type Sex } from './names';

/** The population register (人口台账) of one compound: households of realistic make-up in numbered flats. */

export interface ResidentRow {
  compoundCode: string;
  building: string;
  household: string;
  name: string;
  sex: Sex;
  birthYear: number;
  phone: string;
}

export interface CompoundPopulation {
  rows: ResidentRow[];
  households: number;
  elderly: number;
  buildings: number;
}

interface Person {
  sex: Sex;
  age: number;
  surname: string;
}

const SIZE_WEIGHTS: Record<CompoundKind, [number, number][]> = {
  old: [[1, 24], [2, 34], [3, 24], [4, 10], [5, 6], [6, 2]],
  mid: [[1, 18], [2, 28], [3, 30], [4, 14], [5, 7], [6, 3]],
  new: [[1, 20], [2, 28], [3, 32], [4, 13], [5, 5], [6, 2]],
};
/** Target share of residents aged 60+ (older work-unit compounds are greyer), and how often a family lives with a grandparent. */
const ELDERLY_SHARE: Record<CompoundKind, [number, number]> = { old: [0.22, 0.25], mid: [0.18, 0.23], new: [0.18, 0.21] };
const WITH_GRANDPARENT: Record<CompoundKind, number> = { old: 0.3, mid: 0.28, new: 0.26 };
/** Units per building, floors, flats per floor per unit, and the share of flats lived in. */
const BUILDING: Record<CompoundKind, { units: [number, number]; floors: [number, number]; rooms: [number, number]; occupied: number }> = {
  old: { units: [2, 3], floors: [5, 7], rooms: [2, 2], occupied: 0.9 },
  mid: { units: [2, 3], floors: [8, 18], rooms: [2, 3], occupied: 0.85 },
  new: { units: [1, 2], floors: [24, 33], rooms: [3, 4], occupied: 0.75 },
};

const elderAge = (rng: Rng) => 60 + Math.floor(32 * Math.pow(rng.next(), 1.7));
const other = (s: Sex): Sex => (s === 'M' ? 'F' : 'M');

/** `pElderly`: chance that a one- or two-person household is elderly. */
function household(rng: Rng, size: number, kind: CompoundKind, pElderly: number): Person[] {
  const pickSex = (pF: number): Sex => (rng.chance(pF) ? 'F' : 'M');
  if (size <= 2) {
    const elderly = rng.chance(pElderly);
    const age = elderly ? elderAge(rng) : rng.int(22, 59);
    const head: Person = { sex: pickSex(elderly ? 0.58 : 0.45), age, surname: surname(rng) };
    if (size === 1) return [head];
    const partnerAge = Math.max(elderly ? 60 : 20, age + rng.int(-5, 4));
    return [head, { sex: other(head.sex), age: partnerAge, surname: surname(rng) }];
  }
  // A couple with children, perhaps with grandparents.
  const father: Person = { sex: 'M', age: rng.int(27, 58), surname: surname(rng) };
  const mother: Person = { sex: 'F', age: Math.max(22, father.age + rng.int(-6, 2)), surname: surname(rng) };
  const couple = rng.chance(0.8) ? [father, mother] : [mother, father];
  const elders: Person[] = [];
  let kids = size - 2;
  if (size >= 5 || rng.chance(WITH_GRANDPARENT[kind])) {
    const n = size >= 6 ? 2 : size === 5 ? rng.int(1, 2) : 1;
    const base = Math.max(60, mother.age + rng.int(22, 32));
    for (let i = 0; i < n; i++) {
      const sex: Sex = n === 2 ? (i === 0 ? 'M' : 'F') : pickSex(0.6);
      elders.push({ sex, age: Math.min(95, base + rng.int(-3, 3)), surname: sex === 'M' && rng.chance(0.6) ? father.surname : surname(rng) });
    }
    kids = size - 2 - n;
  }
  const children: Person[] = [];
  for (let i = 0; i < kids; i++) {
    children.push({ sex: pickSex(0.48), age: Math.max(0, mother.age - rng.int(23, 36)), surname: father.surname });
  }
  return [...couple, ...children, ...elders];
}

/** Numbered flats "building-unit-floor room", a share of them lived in, in address order. */
function flats(rng: Rng, count: number, kind: CompoundKind): { building: number; id: string }[] {
  const b = BUILDING[kind];
  const units = rng.int(...b.units);
  const floors = rng.int(...b.floors);
  const rooms = rng.int(...b.rooms);
  const perBuilding = units * floors * rooms;
  const buildings = Math.max(1, Math.ceil(count / (perBuilding * b.occupied)));
  const all: { building: number; id: string; order: number }[] = [];
  for (let bl = 1; bl <= buildings; bl++)
    for (let u = 1; u <= units; u++)
      for (let f = 1; f <= floors; f++)
        for (let r = 1; r <= rooms; r++) all.push({ building: bl, id: `${bl}-${u}-${f}${String(r).padStart(2, '0')}`, order: all.length });
  return rng
    .shuffle(all)
    .slice(0, count)
    .sort((x, y) => x.order - y.order);
}

export function populateCompound(rng: Rng, code: string, kind: CompoundKind, residents: number, currentYear: number): CompoundPopulation {
  const groups: Person[][] = [];
  const target = rng.range(...ELDERLY_SHARE[kind]);
  let left = residents;
  let old = 0;
  while (left > 0) {
    const size = Math.min(left, rng.weighted(SIZE_WEIGHTS[kind]));
    // Steer small households towards the compound's target share of elderly residents.
    const done = residents - left;
    const share = done ? old / done : target;
    const people = household(rng, size, kind, Math.min(0.9, Math.max(0.05, 0.35 + 6 * (target - share))));
    groups.push(people);
    old += people.filter((p) => p.age >= 60).length;
    left -= size;
  }
  const homes = flats(rng, groups.length, kind);
  const rows: ResidentRow[] = [];
  let elderly = 0;
  groups.forEach((people, i) => {
    const home = homes[i];
    for (const p of people) {
      const birthYear = currentYear - p.age;
      if (birthYear <= currentYear - 60) elderly++;
      rows.push({
        compoundCode: code,
        building: `${home.building}栋`,
        household: home.id,
        name: p.surname + givenName(rng, p.sex, birthYear),
        sex: p.sex,
        birthYear,
        phone: p.age >= 18 && rng.chance(0.75) ? maskedPhone(rng) : '',
      });
    }
  });
  return { rows, households: groups.length, elderly, buildings: new Set(homes.map((h) => h.building)).size };
}

export const REGISTER_HEADER = '小区编码,楼栋,户号,姓名,性别,出生年份,电话';

/** As Excel saves "CSV UTF-8": byte-order mark, CRLF after every line. */
export function registerCsv(rows: ResidentRow[]): string {
  const lines = [REGISTER_HEADER];
  for (const r of rows) lines.push([r.compoundCode, r.building, r.household, r.name, r.sex === 'M' ? '男' : '女', r.birthYear, r.phone].join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
