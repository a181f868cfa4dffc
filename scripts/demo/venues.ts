import type { VenueType } from '../../shared/domain/venues';
import type { Rng } from './random';
import { bilinear, type Block, type CommunityCell, type XY } from './geometry';
import { maskedPhone, surname } from './names';

/** The 300 key venues (重点场所): in compounds, along the roads between blocks, or on the blocks left free of housing. */

export interface VenueCommunity {
  name: string;
  cell: CommunityCell;
  compounds: { name: string; ring: XY[]; buildings: number }[];
  emptyBlocks: Block[];
  roadsU: { u: number; name: string }[];
  roadsV: { v: number; name: string }[];
}

export interface VenueDraft {
  name: string;
  type: VenueType;
  at: XY;
  address: string;
  contact: string;
}

type Place = 'compound' | 'road' | 'block';

interface Spec {
  type: VenueType;
  count: number;
  where: [number, number, number];
  names: (rng: Rng, p: { place: string; road: string }) => string;
}

const shop = (first: string[], second: string[]) => (rng: Rng) => rng.pick(first) + rng.pick(second);

const SPECS: Spec[] = [
  { type: 'market', count: 10, where: [0, 0.3, 0.7], names: (r, p) => `${p.place}${r.pick(['农贸市场', '菜市场', '综合市场'])}` },
  { type: 'supermarket', count: 45, where: [0.4, 0.5, 0.1], names: shop(['惠民', '万家福', '佳佳乐', '邻里', '便民', '家家乐', '旺福', '鑫源', '诚信', '好邻居'], ['超市', '便利店', '生活超市']) },
  { type: 'school', count: 10, where: [0, 0, 1], names: (r, p) => `${p.place}${r.pick(['小学', '中学', '实验学校', '小学'])}` },
  { type: 'kindergarten', count: 20, where: [0.7, 0, 0.3], names: shop(['小太阳', '蓝天', '七色花', '童心', '金色摇篮', '小星星', '彩虹', '春苗', '贝贝', '启明', '小树苗', '向日葵'], ['幼儿园']) },
  { type: 'elderly_home', count: 8, where: [0.5, 0.1, 0.4], names: (r, p) => `${r.chance(0.5) ? p.place : r.pick(['康乐', '颐和', '福寿', '夕阳红', '松鹤'])}${r.pick(['养老院', '老年公寓', '颐养中心', '敬老院'])}` },
  { type: 'clinic', count: 30, where: [0.4, 0.5, 0.1], names: (r, p) => r.pick([`${p.place}社区卫生服务站`, `${surname(r)}氏诊所`, `${r.pick(['美齿', '康齿', '皓齿'])}口腔诊所`, `${p.place}中医诊所`]) },
  { type: 'pharmacy', count: 40, where: [0.4, 0.6, 0], names: shop(['康民', '益寿', '百姓', '仁济', '惠康', '福泽', '安康', '德仁', '济民', '寿康'], ['大药房', '药房', '药店']) },
  { type: 'chess_room', count: 60, where: [0.7, 0.3, 0], names: shop(['老友', '悠闲', '雅趣', '好运', '和气', '逍遥', '聚友', '清风', '老地方', '开心', '常来', '闲云'], ['棋牌室', '茶馆', '茶楼']) },
  { type: 'ktv', count: 14, where: [0, 0.8, 0.2], names: shop(['星光', '欢唱', '金曲', '音悦', '声动', '歌友', '嗨唱', '夜色'], ['KTV', '量贩KTV']) },
  { type: 'internet_cafe', count: 14, where: [0.2, 0.8, 0], names: shop(['极速', '星际', '网事', '竞技', '飞翔', '蓝海', '零点', '游侠'], ['网吧', '网咖', '电竞馆']) },
  { type: 'hotel', count: 33, where: [0.1, 0.8, 0.1], names: shop(['江景', '山城', '悦来', '如归', '和顺', '宜居', '平安', '福满', '嘉和', '舒心', '怡家', '望江'], ['宾馆', '酒店', '商务酒店', '旅馆']) },
  { type: 'construction_site', count: 8, where: [0, 0, 1], names: (r, p) => `${r.chance(0.5) ? p.road : p.place}${r.pick(['改造项目工地', '安置房项目工地', '管网改造工地', '综合楼项目工地'])}` },
  { type: 'cold_store', count: 8, where: [0, 0.2, 0.8], names: (r, p) => `${p.place}${r.pick(['冷链仓储', '冷冻食品库', '冷库'])}` },
];

export function placeVenues(rng: Rng, communities: VenueCommunity[]): VenueDraft[] {
  const taken = new Set<string>();
  const out: VenueDraft[] = [];
  for (const spec of SPECS) {
    for (let i = 0; i < spec.count; i++) {
      const c = rng.pick(communities);
      let place: Place = rng.weighted([['compound', spec.where[0]], ['road', spec.where[1]], ['block', spec.where[2]]] as const);
      if (place === 'block' && c.emptyBlocks.length === 0) place = 'road';
      const road = rng.chance(0.5) ? rng.pick(c.roadsU).name : rng.pick(c.roadsV).name;
      const number = rng.int(1, 320);
      let at: XY;
      let address = `${road}${number}号`;
      if (place === 'compound') {
        const p = rng.pick(c.compounds);
        at = pointInRing(rng, p.ring);
        address += `${p.name}${rng.int(1, Math.max(1, p.buildings))}栋`;
      } else if (place === 'road') {
        const alongU = rng.chance(0.5);
        const t = rng.range(0.1, 0.9);
        at = alongU ? bilinear(c.cell.corners, rng.pick(c.roadsU).u, t) : bilinear(c.cell.corners, t, rng.pick(c.roadsV).v);
      } else {
        const [u0, u1, v0, v1] = rng.pick(c.emptyBlocks).uv;
        at = bilinear(c.cell.corners, u0 + (u1 - u0) * rng.range(0.15, 0.85), v0 + (v1 - v0) * rng.range(0.15, 0.85));
      }
      const short = { place: c.name.replace(/社区$/, ''), road: road.replace(/[路街巷坡垭]$/, '') };
      out.push({ name: uniqueName(rng, () => spec.names(rng, short), short.road, taken), type: spec.type, at, address, contact: maskedPhone(rng) });
    }
  }
  return out;
}

function uniqueName(rng: Rng, make: () => string, branch: string, taken: Set<string>): string {
  let name = make();
  for (let tries = 0; taken.has(name) && tries < 20; tries++) name = make();
  if (taken.has(name)) name = `${name}（${branch}店）`;
  for (let n = 2; taken.has(name); n++) name = `${make()}（${branch}${n}店）`;
  taken.add(name);
  return name;
}

/** A uniformly random point strictly inside a ring (rejection sampling in its bounding box). */
function pointInRing(rng: Rng, ring: XY[]): XY {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (;;) {
    const p: XY = [rng.range(x0, x1), rng.range(y0, y1)];
    if (inside(p, ring) && distanceToRing(p, ring) > 5) return p;
  }
}

function inside([x, y]: XY, ring: XY[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function distanceToRing(p: XY, ring: XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i], ring[i + 1]];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}
