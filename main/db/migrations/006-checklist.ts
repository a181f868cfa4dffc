import type { Migration } from './types';
import { appendOnly, sqlList } from './appendOnly';

const workGroupKeys = ['community_screening', 'key_prevention', 'testing', 'tracing', 'isolation_transfer', 'treatment', 'living_supplies', 'transport', 'disinfection'];

/** The first-hour tasks the seeds name (001: 城东 2022; 002: 建胜 2021), as the starting template. */
const seedTasks: [group: string, text: string][] = [
  ['tracing', '接报后2小时内完成网络直报（逢阳必报、逢阳即报）'],
  ['tracing', '接报即查：立即启动流行病学调查，追踪密切接触者、次密接'],
  ['tracing', '同步启动结果复核，不擅自增加会诊、复核程序'],
  ['key_prevention', '先管后筛：先管控病例居住地和活动场所，再开展排查'],
  ['key_prevention', '暂停风险区域内棋牌室、KTV、网吧等室内公共文体场所娱乐活动'],
  ['key_prevention', '报请在5小时内划定并发布中、高风险区'],
  ['testing', '调集采样点：2—4小时内完成规范建设和启用'],
  ['testing', '调集12支核酸检测队伍到位'],
  ['testing', '制定全员核酸检测方案，24小时内完成划定区域全员检测'],
  ['isolation_transfer', '按每名感染者100个隔离房间备足隔离房间'],
  ['isolation_transfer', '应隔离人员12小时内转运到集中隔离场所'],
  ['isolation_transfer', '调用转运车辆（120救护车）'],
  ['community_screening', '以网格为单位开展拉网式排查，不漏一户、不漏一人'],
  ['community_screening', '大数据推送信息核查不过夜；来（返）人员8小时内完成排查'],
  ['community_screening', '落实三级包保和“五包一”责任到人'],
  ['treatment', '病例闭环转运至定点救治医院'],
  ['living_supplies', '启动保供企业“白名单”，保障管控区域生活必需品'],
  ['transport', '保障人员转运、标本运送车辆'],
  ['disinfection', '对病例居住地和活动场所开展终末消毒'],
];

/** Activation checklist: an editable template per work group, instantiated at each switch, ticked with who and when. */
export const migration006: Migration = {
  version: 6,
  name: 'checklist',
  up(db) {
    db.exec(`
      CREATE TABLE checklist_template_item (
        id INTEGER PRIMARY KEY,
        group_key TEXT NOT NULL CHECK (group_key IN (${sqlList(workGroupKeys)})),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        position INTEGER NOT NULL,
        -- NULL for the items seeded by the app
        updated_at INTEGER,
        updated_by INTEGER REFERENCES operator(id)
      ) STRICT;

      CREATE TABLE checklist_item (
        id INTEGER PRIMARY KEY,
        emergency_id INTEGER NOT NULL REFERENCES emergency(id),
        template_id INTEGER,
        group_key TEXT NOT NULL CHECK (group_key IN (${sqlList(workGroupKeys)})),
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX checklist_item_emergency ON checklist_item(emergency_id, group_key, position);
      ${appendOnly('checklist_item')}

      -- Every tick and untick; the newest row of an item is its state.
      CREATE TABLE checklist_tick (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES checklist_item(id),
        done INTEGER NOT NULL CHECK (done IN (0, 1)),
        at INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operator(id)
      ) STRICT;
      CREATE INDEX checklist_tick_item ON checklist_tick(item_id, id);
      ${appendOnly('checklist_tick')}
    `);
    const insert = db.prepare('INSERT INTO checklist_template_item (group_key, text, position) VALUES (?, ?, ?)');
    seedTasks.forEach(([group, text], i) => insert.run(group, text, i));
  },
};
