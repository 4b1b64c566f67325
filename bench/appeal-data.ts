/**
 * The benchmarks' appeal generator: a district's intake over some years from a few hundred
 * Chinese templates (seeded, so every run fills the same data), bulk-loaded into a migrated
 * SQLite database with its indexes set aside and rebuilt once. Shared by bench/similar.ts and
 * bench/dashboard.ts; each adds its own rows per appeal through `perAppeal`.
 */
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';

const DAY = 86_400_000;
// ---------------------------------------------------------------------------------------------
// Realistic text: per category, sentences with slots for roads, numbers and times of day.

export const ROADS = ['文三路', '文二路', '文一西路', '天目山路', '古墩路', '紫金港路', '教工路', '学院路', '西溪路', '之江路', '留下街', '莫干山路', '保俶路', '北山路', '曙光路', '黄龙路', '余杭塘路', '丰潭路', '三墩路', '转塘街', '灵隐路', '五常大道', '申花路', '竞舟路', '花园北路', '西湖大道'];
export const TIMES = ['晚上十点以后', '凌晨两三点', '每天早上六点', '中午午休时间', '周末全天', '夜里十一点多', '傍晚下班时'];
export const SPANS = ['三天', '一个星期', '半个多月', '两个月', '好几天', '一年多'];

export const TEMPLATES: Record<string, string[]> = {
  'city.appearance': [
    '{road}人行道上的垃圾{span}没人清理了，气味很大', '{road}{n}号旁边垃圾桶满了溢出来没人管', '小区门口建筑垃圾堆了{span}，影响通行', '{road}绿化带里有人乱扔垃圾，蚊虫很多',
    '{road}路面有大片油污，下雨天容易滑倒', '{road}沿街墙面被乱贴小广告，清理后又贴上', '公共厕所{span}没打扫，脏得没法用', '{road}{n}号附近有人遛狗不清理粪便',
    '{road}路边的垃圾中转站臭味很重，夏天更严重', '河道边堆满落叶和塑料袋没人打捞', '小区外围{span}没有环卫工清扫', '{road}上的废弃共享单车堆成山，占用人行道',
    '{road}附近有人焚烧垃圾，烟很大', '垃圾分类投放点{span}没人收运', '{road}{n}号门口的污水外溢，味道刺鼻', '{road}路灯杆上挂满破旧横幅影响市容',
    '餐饮店把泔水倒在{road}雨水井里', '{road}行道树下堆放杂物{span}了', '{road}公交站旁边垃圾成堆', '装修垃圾直接扔在{road}路边',
    '大件垃圾沙发床垫扔在楼下{span}', '{road}附近的垃圾桶破损漏水',
  ],
  'city.stalls': [
    '{road}{n}号附近流动摊贩占道经营，{time}特别多', '菜场外面{road}上摆满了地摊，车都过不去', '{road}夜市烧烤摊占用人行道，油烟很大', '{road}水果摊把货物堆到盲道上',
    '店铺在{road}门口跨门经营，行人只能走机动车道', '{road}学校门口有小摊贩卖三无食品', '{road}天桥上有人摆摊卖东西', '早餐摊在{road}路口占道，{time}堵得很',
    '{road}地铁口三轮车卖菜占道', '{road}{n}号前面有人修车占用人行道{span}', '{road}夜宵摊{time}还在营业，桌椅摆到路中间', '商户在{road}绿化带上晾晒物品',
    '{road}人行道上洗车店占道洗车，污水横流', '{road}路口卖花的摊位挡住了视线', '{road}有人占道卖宠物', '{road}{n}号门口长期堆放经营货物',
    '{road}临街小吃店把灶台搬到门外', '{road}沿线流动摊点{span}没人管', '{road}公园门口摆摊收费停车', '{road}有人在人行道上加工广告牌',
  ],
  'city.illegal-building': [
    '{road}{n}号楼顶有人违章加盖房子', '小区一楼住户私自扩建院子占用公共绿地', '{road}{n}号商铺违规搭建雨棚占用人行道', '邻居在阳台外私自搭建铁架',
    '{road}附近农户违法建房{span}了还在施工', '小区里有人把车库改成住人的房间', '{road}{n}号楼顶搭了彩钢板房', '{road}沿街店铺私自打通承重墙',
    '小区地下室被改成群租房，安全隐患大', '{road}有人在河道边违章搭建棚屋', '{road}{n}号住户私自圈占楼道', '{road}厂房违规加层',
    '楼下住户私自开挖地下室', '{road}绿地上有人搭建临时建筑{span}', '{road}{n}号违建举报后一直没有拆除', '物业默许业主在屋顶搭建阳光房',
    '{road}附近有人占用消防通道建仓库', '{road}路边违章搭建的广告牌存在安全隐患', '小区公共区域被改成私人菜园围栏', '{road}{n}号门面房违规外扩',
  ],
  'traffic.bus': [
    '{road}公交站台破损，下雨天站台积水严重', '{road}公交车班次太少，{time}要等半小时', '{road}公交站没有遮雨棚，老人候车不便', '{n}路公交车经常不按站停靠',
    '{road}公交站牌信息没有更新，线路调整后还是旧的', '{n}路公交车司机开车太急，乘客站不稳', '{road}附近新小区没有公交线路，希望增设', '{n}路末班车太早，{time}就没车了',
    '{road}公交站台被电动车占用', '{n}路公交车空调{span}不制冷', '希望{n}路延伸到{road}地铁站', '{road}公交站的电子站牌坏了{span}',
    '{n}路公交车到站时间不准，经常跳班', '{road}公交站台座椅损坏', '{road}公交停靠站离路口太近，容易堵车', '{n}路公交车{time}特别拥挤',
    '{road}公交站旁边的盲道被占用', '{n}路公交车上刷卡机经常坏', '{road}附近公交站撤销后出行很不方便', '{road}公交专用道被社会车辆占用',
  ],
  'traffic.roads': [
    '{road}{n}号门口路面塌陷出一个大坑', '{road}红绿灯坏了{span}，路口很乱', '{road}路灯不亮，晚上走路很危险', '{road}窨井盖松动，车开过去哐当响',
    '{road}人行横道线磨损看不清', '{road}减速带破损，螺丝露在外面', '{road}护栏被撞坏{span}没人修', '{road}交通标志牌被树枝挡住',
    '{road}道路施工围挡{span}了还没完工', '{road}人行道地砖松动，下雨溅一身水', '{road}路口没有斑马线，过马路危险', '{road}桥下积水严重，车辆无法通行',
    '{road}隔离栏缺口很多行人乱穿马路', '{road}盲道中间立着电线杆', '{road}{n}号附近的路灯白天也亮着', '{road}路面坑洼不平，电动车容易摔倒',
    '{road}信号灯绿灯时间太短，老人过不去', '{road}路口转弯视线被广告牌挡住', '{road}道路积水{span}没人处理', '{road}的行道树根把路面拱起来了',
  ],
  'traffic.parking': [
    '{road}{n}号门口车辆乱停，挡住消防通道', '小区停车位太少，晚上车停到马路上', '{road}有人用地锁占用公共停车位', '{road}共享单车乱停乱放堵住人行道',
    '{road}路边停车收费不规范，没有发票', '小区里的僵尸车停了{span}没人挪', '{road}机动车停在人行道上', '{road}{n}号附近电动车充电桩太少',
    '{road}学校门口接送孩子的车乱停', '{road}停车场收费标准不公示', '{road}大货车夜间违停，{time}还在装卸', '{road}医院周边停车难，经常绕好几圈',
    '小区外来车辆随意进出占用业主车位', '{road}路边停车位划线不清', '{road}有人把车长期停在公交站旁边', '{road}{n}号门前的车位被商户占用',
    '{road}停车场出口排队太长', '希望在{road}附近增设停车场', '{road}违停车辆{span}没人贴罚单', '{road}消防通道被私家车堵死',
  ],
  'property.management': [
    '小区物业{span}不处理报修，楼道灯一直不亮', '物业费上涨没有公示，业主不同意', '小区电梯经常困人，物业不及时维修', '物业把小区公共收益挪作他用',
    '小区保安{time}不在岗', '楼道里堆满杂物物业不管', '小区绿化无人养护，草坪都秃了', '物业强行收取装修押金',
    '小区门禁坏了{span}没修', '物业不公开维修基金使用情况', '小区监控很多是坏的', '物业服务差，业主想更换物业公司',
    '小区垃圾清运不及时，楼下堆满垃圾', '物业在小区里乱设收费停车位', '小区水泵房噪音大，物业不解决', '小区围墙破损外人随意进出',
    '物业对业主投诉态度恶劣', '小区消防设施过期没更换', '物业擅自改变公共区域用途', '小区二次供水水质差有异味',
  ],
  'property.elevator': [
    '老小区{road}{n}号楼想加装电梯，低层住户不同意', '加装电梯审批流程太慢，{span}了还没批下来', '小区电梯{span}坏了三次', '电梯加装后噪音大影响低层住户',
    '电梯年检合格证过期了', '加装电梯的补贴什么时候发放', '电梯运行时有异响和抖动', '电梯按钮失灵，经常停错楼层',
    '{road}{n}号楼电梯停运{span}，老人下不了楼', '加装电梯费用分摊有争议，希望社区协调', '电梯里的应急电话打不通', '电梯维保单位不按时保养',
    '加装电梯施工占用小区通道', '电梯门夹人，存在安全隐患', '小区电梯没有空调，夏天很闷', '老旧小区加装电梯政策咨询',
    '电梯困人后救援{span}才到', '加装电梯后采光受到影响', '电梯轿厢广告太多太吵', '电梯维修费用要求业主分摊不合理',
  ],
  'environment.noise': [
    '{road}{n}号附近工地{time}施工，噪音很大', '楼下广场舞音响太吵，{time}还在跳', '{road}酒吧{time}音乐声很大', '{road}附近工厂机器轰鸣{span}了',
    '邻居装修{time}还在电钻', '{road}商铺用大喇叭循环叫卖', '{road}夜间渣土车轰隆隆开过', '小区空调外机噪音扰民',
    '{road}KTV{time}唱歌声音很大', '{road}高架桥车辆噪音大，希望装隔音屏', '{road}菜市场凌晨卸货噪音大', '楼上住户{time}跺脚拖椅子',
    '{road}附近有人{time}放鞭炮', '{road}学校广播声音太大', '{road}{n}号餐馆排风机噪音扰民', '{road}道路施工{time}切割路面',
    '小区里狗叫{span}没人管', '{road}洗车店高压水枪声音很吵', '{road}健身房音乐声传到楼上', '{road}运动场{time}还有人打球喧哗',
  ],
  'environment.water': [
    '{road}附近河道发黑发臭', '{road}{n}号旁边有企业往河里排污水', '小区自来水有黄色沉淀物', '{road}雨水管里流出生活污水',
    '河面上漂浮大量死鱼', '{road}附近的池塘{span}没人清理，长满水草', '{road}洗车店污水直排河道', '{road}小区化粪池外溢',
    '{road}河边有人偷偷倒垃圾', '自来水有消毒水味道太重', '{road}沟渠里有油污', '{road}附近养殖场废水流进河里',
    '{road}工地泥浆水直接排到路边', '{road}餐馆油烟管道滴油污染', '{road}河道水位下降，露出大片淤泥', '{road}{n}号附近地下水管破裂漏水',
    '{road}公园湖水变绿有异味', '{road}排水口泡沫很多', '{road}附近的井水浑浊', '{road}河道护岸破损垃圾入河',
  ],
  'public.policy': [
    '灵活就业人员社保怎么缴纳', '新生儿医保怎么办理', '公租房申请需要什么条件', '居住证办理流程咨询',
    '老人高龄补贴怎么申请', '残疾人两项补贴的标准是多少', '退役军人优待证在哪里办', '孩子上学户籍和居住年限要求',
    '失业保险金领取条件咨询', '个人所得税专项附加扣除怎么填', '人才租房补贴什么时候发', '公积金提取用于租房的流程',
    '异地就医备案怎么办理', '创业补贴申请条件', '老旧小区改造政策咨询', '电动自行车上牌政策咨询',
    '低保申请需要哪些材料', '二孩育儿补贴怎么领', '房屋征收补偿标准咨询', '外地车牌限行规定咨询',
  ],
  'public.community': [
    '社区服务中心{time}没人值班', '社区卫生服务站看病排队太久', '社区活动室{span}不开放', '希望社区增加儿童托管服务',
    '社区食堂饭菜价格偏高', '社区图书室书籍太旧', '社区办事要跑好几次', '希望在{road}附近增设便民服务点',
    '社区网格员联系不上', '社区健身器材损坏{span}', '社区组织的活动通知不到位', '社区快递驿站服务态度差',
    '希望社区开设老年大学课程', '社区证明开具流程繁琐', '社区志愿服务积分怎么兑换', '社区公告栏信息不更新',
    '社区疫苗接种点预约难', '社区内的公共充电桩太少', '希望社区增加夜间照明', '社区调解室处理邻里纠纷不及时',
  ],
  'public.elderly': [
    '{road}附近没有老年食堂，老人吃饭不方便', '居家养老服务上门不及时', '养老院床位太紧张，排队{span}', '老人助餐补贴怎么领',
    '社区日间照料中心{time}不开门', '独居老人家里没有安装紧急呼叫设备', '养老机构收费不透明', '希望社区组织老年人体检',
    '老年人智能手机培训课程太少', '养老服务补贴标准咨询', '{road}养老院护理人员不够', '居家适老化改造怎么申请',
    '老人看病挂号难，不会用手机预约', '希望在{road}增设老年活动中心', '失能老人护理补贴申请流程', '养老服务热线打不通',
    '社区助浴服务预约不上', '老年大学报名名额太少', '老人免费乘车卡办理', '高龄老人上门巡访没有落实',
  ],
};

export const OPEN = ['registered', 'dispatched', 'return_requested', 'signed', 'in_progress', 'extension_requested', 'replied', 'awaiting_feedback', 'rated'] as const;

/** A small fast PRNG, so every run fills the same data. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const random = rng(20261129);
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

export function sentence(category: string, place: string): string {
  const text = pick(TEMPLATES[category] as string[])
    .replace('{road}', pick(ROADS))
    .replace('{n}', String(1 + Math.floor(random() * 120)))
    .replace('{time}', pick(TIMES))
    .replace('{span}', pick(SPANS));
  return random() < 0.6 ? `${place}${text}` : text;
}

export const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');

/** One generated appeal row, as inserted. */
export interface GeneratedAppeal {
  id: string;
  tracking_no: string;
  channel: string;
  category_id: string;
  territory_code: string;
  address: string | null;
  description: string;
  resident_name: string | null;
  resident_phone: string | null;
  state: string;
  deadline_class: string;
  lead_unit_id: string | null;
  stage_due_at: string | null;
  filed_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface FillOptions {
  appeals: number;
  years: number;
  /** The newest appeal is made just before this instant (ms). */
  now: number;
  /** Tables whose indexes and triggers are dropped during the load and rebuilt after it (besides appeal). */
  deferTables?: string[];
  /** Called inside the load transaction for every appeal (index rows, timelines…). */
  perAppeal?: (row: GeneratedAppeal, at: number) => void;
  log?: (line: string) => void;
}

/** Fills `appeals` appeals into an open, migrated and seeded SQLite database. */
export function fillAppeals(db: Database.Database, opts: FillOptions) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const categories = db.prepare(`select id, code, deadline_class from category where parent_id is not null`).all() as { id: string; code: string; deadline_class: string }[];
  const villages = db.prepare(`select code, name from territory where length(code) = 12 and code like '330106%'`).all() as { code: string; name: string }[];
  const towns = db.prepare(`select code, name from territory where length(code) = 9 and code like '330106%'`).all() as { code: string; name: string }[];
  const units = (db.prepare(`select id from unit`).all() as { id: string }[]).map((u) => u.id);
  const dispatcherId = (db.prepare(`select id from account where username = 'dispatcher'`).get() as { id: string }).id;
  const insertAppeal = db.prepare(`insert into appeal (id, tracking_no, channel, category_id, territory_code, address, lat, lng, description, resident_name, resident_phone,
    phone_verified, anonymous, confidential, urgent, supervised, state, deadline_class, lead_unit_id, stage_due_at, reply_due_at, extensions_approved, pending_until,
    rating, merged_into, filed_by, on_behalf, created_at, updated_at, closed_at, version)
    values (@id, @tracking_no, @channel, @category_id, @territory_code, @address, null, null, @description, @resident_name, @resident_phone,
    0, 0, 0, 0, 0, @state, @deadline_class, @lead_unit_id, @stage_due_at, null, 0, null, null, null, @filed_by, 0, @created_at, @created_at, @closed_at, 1)`);
  const insertCounter = db.prepare(`insert into tracking_counter (day, last) values (?, ?) on conflict(day) do update set last = excluded.last`);
  // Bulk load: the migrated indexes and triggers are set aside and rebuilt once at the end
  // (from their own stored SQL, so this file does not restate the schema).
  const tables = ['appeal', ...(opts.deferTables ?? [])];
  const deferred = db
    .prepare(`select type, name, sql from sqlite_master where tbl_name in (${tables.map(() => '?').join(', ')}) and type in ('index', 'trigger') and sql is not null`)
    .all(...tables) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  for (const d of deferred) db.exec(`drop ${d.type} ${d.name}`);

  const now = opts.now;
  const start = now - opts.years * 365 * DAY;
  const step = (now - start) / opts.appeals;
  const openAfter = now - 20 * DAY;
  const counters = new Map<string, number>();
  const began = Date.now();
  const CHUNK = 50_000;
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = Math.floor(start + i * step);
      const day = beijingDay(at);
      const seq = (counters.get(day) ?? 0) + 1;
      counters.set(day, seq);
      const category = pick(categories);
      const village = random() < 0.8;
      const place = village ? pick(villages) : pick(towns);
      const isOpen = at >= openAfter && random() < 0.85;
      const state = isOpen ? pick(OPEN) : random() < 0.9 ? 'archived' : random() < 0.7 ? 'closed' : 'merged';
      const phoneRoll = random();
      const phone = phoneRoll < 0.7 ? `13${Math.floor(100000000 + random() * 899999999)}` : phoneRoll < 0.8 ? `0571-8${Math.floor(1000000 + random() * 8999999)}` : null;
      const created = new Date(at).toISOString();
      const row: GeneratedAppeal = {
        id: uuidv7({ msecs: at }),
        tracking_no: `${day}-${String(seq).padStart(5, '0')}`,
        channel: pick(['agent', 'agent', 'agent', 'web', 'visit', 'api']),
        category_id: category.id,
        territory_code: place.code,
        address: random() < 0.5 ? `${pick(ROADS)}${1 + Math.floor(random() * 300)}号` : null,
        description: sentence(category.code, place.name),
        resident_name: random() < 0.5 ? pick(['王女士', '李先生', '张阿姨', '刘大爷', '陈先生', '赵女士']) : null,
        resident_phone: phone,
        state,
        deadline_class: category.deadline_class,
        lead_unit_id: state === 'registered' ? null : pick(units),
        stage_due_at: isOpen ? new Date(at + 3 * DAY).toISOString() : null,
        filed_by: dispatcherId,
        created_at: created,
        closed_at: isOpen ? null : new Date(at + 5 * DAY).toISOString(),
      };
      insertAppeal.run(row);
      opts.perAppeal?.(row, at);
    }
  });
  for (let from = 0; from < opts.appeals; from += CHUNK) {
    chunk(from, Math.min(opts.appeals, from + CHUNK));
    const done = Math.min(opts.appeals, from + CHUNK);
    if (done % 100_000 === 0 || done === opts.appeals) opts.log?.(`  filled ${done.toLocaleString('en')} appeals (${((Date.now() - began) / 1000).toFixed(0)} s)`);
  }
  db.transaction(() => {
    for (const [day, last] of counters) insertCounter.run(day, last);
  })();
  for (const d of deferred) db.exec(d.sql);
  opts.log?.(`  indexes rebuilt (${((Date.now() - began) / 1000).toFixed(0)} s)`);
  const open = (db.prepare(`select count(*) as n from appeal where state in ('${OPEN.join("','")}')`).get() as { n: number }).n;
  return { seconds: (Date.now() - began) / 1000, open, categories, villages, towns, units };
}
