/*
 * The demo's consultation month (协商议事月). Every topic, suggestion, person and place here
 * is FICTIONAL (演示数据，纯属虚构); the shapes follow real property-services consultations.
 * Deterministic: the same month on every start.
 */

export const CAMPAIGN = {
  title: '2026年11月“物业服务”协商议事月',
  theme: '物业服务',
  description: '围绕小区物业服务、老旧小区改造和公共空间管理，在全区12个镇街的协商驿站开展议事活动。（演示数据）',
  startsOn: '2026-11-02',
  endsOn: '2026-11-30',
  targetEvents: 24,
  targetSuggestions: 96,
};

/** Stations added so that every town has at least one (the venues seed covers six towns). */
export const EXTRA_STATIONS: { town: string; name: string; kind: 'village' | 'community' | 'park' | 'building' | 'business_district'; street: string }[] = [
  { town: '330106005', name: '翠苑一区协商驿站', kind: 'community', street: '翠苑路' },
  { town: '330106007', name: '古荡新村协商驿站', kind: 'community', street: '古荡路' },
  { town: '330106009', name: '留下老街协商驿站', kind: 'community', street: '留下街' },
  { town: '330106010', name: '转塘之江协商驿站', kind: 'community', street: '之江路' },
  { town: '330106012', name: '灵隐茶园协商驿站', kind: 'village', street: '灵隐路' },
  { town: '330106110', name: '双浦田园协商驿站', kind: 'village', street: '双浦路' },
];

/** One topic per event: what residents raised, in a few words. */
export const TOPICS: string[] = [
  '老旧小区加装电梯费用分摊',
  '小区停车位不足与夜间乱停',
  '物业费调价与服务公示',
  '电动自行车集中充电设施',
  '垃圾分类投放点异味',
  '小区公共收益公开',
  '楼道堆物与消防通道',
  '公交站点设置与末班车时间',
  '社区食堂与老年助餐',
  '雨污管网改造后路面修复',
  '小区绿化修剪与蚊虫',
  '快递柜与外卖车辆进出',
];

/** Suggestions raised at the events; each event takes three to five of these. */
export const SUGGESTIONS: string[] = [
  '建议物业每季度在单元门口公示收支明细',
  '建议在小区东门增设电动自行车充电桩二十个',
  '建议协调公交公司将末班车延后至22:30',
  '建议将垃圾投放点移至远离住宅楼的空地并加装除臭设备',
  '建议成立由居民代表参加的物业服务监督小组',
  '建议对加装电梯按楼层分摊费用并引入第三方评估',
  '建议夜间开放周边机关单位停车场错时停车',
  '建议在公交站台加装候车亭和座椅',
  '建议社区食堂为八十岁以上老人提供送餐服务',
  '建议道路修复后由居民代表参与验收',
  '建议物业每月集中清理一次楼道堆物',
  '建议在小区主干道施划禁停黄线',
  '建议快递车辆限时进入并规定行驶路线',
  '建议公共收益单独建账并由业委会监督',
  '建议在绿化带增加灭蚊灯并定期消杀',
  '建议将物业服务满意度纳入合同续签条件',
];

/** Which units are asked to act, by the kind of suggestion (index into SUGGESTIONS → unit name). */
export const UNIT_FOR_SUGGESTION: Record<number, string> = {
  2: '杭州市公共交通集团有限公司',
  7: '杭州市公共交通集团有限公司',
  3: '西湖区城市管理局',
  11: '西湖区城市管理局',
  14: '西湖区城市管理局',
};
export const DEFAULT_UNIT = '西湖区住房和城乡建设局';

/** A tiny deterministic generator (mulberry32), so the demo month is the same on every start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
