import { describe, expect, it } from 'vitest';
import { spamSignals } from './spam-signals.js';

describe('spam signals', () => {
  it('real concerns are not flagged', () => {
    for (const text of [
      '文三路与学院路交叉口的路灯已经坏了一个星期，晚上非常黑，老人出行不便，请尽快修复。',
      '小区门口垃圾桶满了三天没人清运，气味很大。',
      '楼下餐馆油烟直排，晚上十点以后还很吵，吵吵吵，影响休息。',
      '噪音扰民：每天早上六点开始施工，请核实施工许可。详见街道公告 https://www.hangzhou.gov.cn/ 第二条。',
      'The street light at 12 Wensan Road has been out for a week.',
      '水水水水', // short: a child's or a test's, not a flood
    ]) expect(spamSignals(text), text).toEqual([]);
  });

  it('link flooding', () => {
    expect(spamSignals('点击领取 http://a.example/1 http://b.example/2 http://c.example/3')).toContain('link_flood');
    expect(spamSignals('看这里 www.spam-shop.top/buy')).toContain('link_flood');
    expect(spamSignals('<a href="http://spam.example/">点击领取</a>')).toContain('link_flood');
    expect(spamSignals('优惠 shop1.xyz shop2.top shop3.vip 速来')).toContain('link_flood');
  });

  it('repeated text', () => {
    expect(spamSignals('代开发票'.repeat(8))).toContain('repeated_text');
    expect(spamSignals('加微信 abc123 加微信 abc123 加微信 abc123 加微信 abc123 加微信 abc123 谢谢')).toContain('repeated_text');
    expect(spamSignals('啊'.repeat(30))).toContain('repeated_text');
  });

  it('keyword-stuffed placeholders', () => {
    for (const text of ['<蜘蛛词>{关键词}【外链】', '欢迎访问{{keyword}}官网', '%KEYWORD% 最新报道', '[关键词] 快速排名', '专业蜘蛛池出租']) {
      expect(spamSignals(text), text).toContain('placeholder');
    }
  });

  it('reasons come in a fixed order and combine texts', () => {
    expect(spamSignals('{关键词}'.repeat(10), 'http://a.example http://b.example http://c.example')).toEqual(['link_flood', 'repeated_text', 'placeholder']);
  });
});
