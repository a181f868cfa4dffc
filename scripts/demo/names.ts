import type { Rng } from './random';

/** Name pools for the fictional demo street. Any likeness to a real person or place is coincidence. */

// Surnames weighted roughly by frequency in south-west China.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 10], ['王', 9], ['李', 9], ['张', 8], ['刘', 8], ['杨', 6], ['黄', 5], ['周', 5], ['罗', 4], ['何', 4],
  ['吴', 4], ['赵', 3], ['谭', 3], ['唐', 3], ['邓', 3], ['冉', 2], ['向', 2], ['胡', 3], ['徐', 2], ['曾', 2],
  ['彭', 2], ['蒋', 2], ['熊', 2], ['蒲', 1], ['秦', 2], ['余', 2], ['田', 2], ['付', 2], ['杜', 2], ['袁', 2],
  ['马', 2], ['冯', 2], ['郑', 2], ['谢', 2], ['汪', 1], ['龚', 1], ['廖', 2], ['雷', 1], ['夏', 1], ['程', 1],
  ['石', 1], ['肖', 2], ['江', 1], ['高', 2], ['林', 2], ['梁', 1], ['孙', 2], ['朱', 2], ['任', 1], ['蔡', 1],
];
const OLD_MALE = ['建国', '国强', '德明', '志刚', '永福', '世华', '光明', '国庆', '建华', '正清', '家富', '长贵', '德华', '守成', '明远', '树林', '文斌', '洪', '军', '强', '勇', '平', '华', '忠'];
const OLD_FEMALE = ['秀英', '桂兰', '淑芬', '玉兰', '素珍', '凤英', '桂芳', '秀兰', '翠华', '美玲', '淑华', '玉珍', '惠芳', '明芬', '琼', '萍', '芳', '英', '敏', '霞'];
const MID_MALE = ['海涛', '建军', '俊', '斌', '伟', '涛', '波', '刚', '磊', '勇军', '晓东', '志强', '国华', '小龙', '成', '杰', '亮', '鹏', '宏伟', '林'];
const MID_FEMALE = ['丽', '静', '娟', '燕', '红梅', '晓燕', '丽娟', '雪', '琳', '倩', '小红', '春梅', '艳', '莉', '婷', '玲', '敏', '慧', '晶', '颖'];
const YOUNG_MALE = ['浩然', '子轩', '宇航', '俊杰', '博文', '一鸣', '梓豪', '宇', '浩', '晨', '睿', '子墨', '家乐', '天佑', '思远', '皓轩', '锦程', '泽宇', '鑫', '航'];
const YOUNG_FEMALE = ['欣怡', '梓涵', '雨桐', '思雨', '佳琪', '诗涵', '可馨', '语嫣', '一诺', '紫萱', '雨欣', '梦瑶', '若曦', '心怡', '悦', '涵', '彤', '萱', '琪', '妍'];

export type Sex = 'M' | 'F';

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A given name in the style of the person's birth decade. */
export function givenName(rng: Rng, sex: Sex, birthYear: number): string {
  const pool = birthYear < 1966 ? (sex === 'M' ? OLD_MALE : OLD_FEMALE) : birthYear < 1995 ? (sex === 'M' ? MID_MALE : MID_FEMALE) : sex === 'M' ? YOUNG_MALE : YOUNG_FEMALE;
  return rng.pick(pool);
}

export function personName(rng: Rng, sex: Sex, birthYear: number): string {
  return surname(rng) + givenName(rng, sex, birthYear);
}

/** A made-up mobile number with the middle digits masked, e.g. 138****0421: it cannot reach anyone. */
export function maskedPhone(rng: Rng, last4?: number): string {
  const prefix = rng.pick(['133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '177', '180', '183', '186', '187', '189', '199']);
  const tail = last4 ?? rng.int(0, 9999);
  return `${prefix}****${String(tail).padStart(4, '0')}`;
}

export const COMMUNITY_NAMES = ['滨江社区', '新华社区', '和平社区', '桂园社区', '朝阳社区', '东风社区', '翠湖社区', '长安社区'];

/** Compound kinds: work-unit era (dense, older residents), 2000s estates, recent high-rises. */
export type CompoundKind = 'old' | 'mid' | 'new';

const OLD_UNITS = ['纺织厂', '机械厂', '电力局', '铁路', '邮电', '教师', '粮食局', '运输公司', '棉纺厂', '造船厂', '水泥厂', '印刷厂', '供销社', '食品公司', '卫生局', '建工', '轻工局', '航运公司'];
const OLD_VILLAGES = ['建设', '和平', '民主', '红旗', '胜利', '团结', '光明', '幸福', '新华', '东风', '解放', '工农', '向阳', '跃进', '友谊', '兴隆'];
const MID_WORDS = ['滨江', '桂花', '翠湖', '阳光', '康居', '锦绣', '丽景', '金桂', '紫荆', '望江', '临江', '碧水', '怡和', '安居', '福泽', '龙腾', '枫林', '梧桐', '银杏', '兰亭', '馨园', '书香', '春晖', '清风', '明月', '祥和'];
const NEW_WORDS = ['江山', '嘉陵', '观澜', '云顶', '天悦', '御景', '君临', '星河', '铂悦', '尚城', '悦江', '宸院', '澜岸', '山水', '揽江', '汇景', '瑞府', '云锦'];

export function compoundName(rng: Rng, kind: CompoundKind, taken: Set<string>): string {
  for (let tries = 0; tries < 200; tries++) {
    let name: string;
    if (kind === 'old') {
      name = rng.chance(0.5) ? `${rng.pick(OLD_UNITS)}宿舍` : `${rng.pick(OLD_VILLAGES)}${rng.pick(['村小区', '新村', '村'])}`;
    } else if (kind === 'mid') {
      name = `${rng.pick(MID_WORDS)}${rng.pick(['花园', '苑', '小区', '家园', '花园', '雅苑'])}`;
    } else {
      name = `${rng.pick(NEW_WORDS)}${rng.pick(['华庭', '名都', '雅居', '公馆', '府', '壹号', '国际'])}`;
    }
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error(`ran out of compound names (${kind})`);
}

export const ROAD_NAMES = [
  '滨江路', '建设路', '和平路', '新华路', '民生路', '中兴路', '人和街', '桂花街', '朝阳路', '东风路', '长安街', '学府路',
  '文化街', '工农路', '红旗路', '胜利路', '幸福路', '光明路', '团结路', '兴隆街', '永安路', '太平街', '安乐路', '望江路',
  '临江路', '嘉陵路', '长江路', '山城巷', '石板坡', '黄桷路', '梧桐路', '银杏路', '枇杷路', '翠湖路', '明月路', '清风街',
  '南园路', '北苑路', '西城路', '东园路', '康宁路', '福寿路', '吉祥街', '春晖路', '育才路', '科苑路', '振兴路', '复兴路',
  '新村路', '花园路', '公园路', '体育路', '医院路', '书院街', '响水路', '凉风垭', '大坪路', '二郎坡', '梯坎巷', '青石路',
];
