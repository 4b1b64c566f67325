/**
 * Hostile strings every text field is tested with: markup, links, the spam placeholders a
 * compromised civic site was stuffed with, and names outside the Basic Multilingual Plane.
 */
export const XSS_FLAG = '__minhu_xss';
export const HOSTILE = {
  script: `<script>window.${XSS_FLAG}=1</script>`,
  img: `<img src=x onerror="window.${XSS_FLAG}=1">`,
  link: '<a href="http://spam.example/">点击领取</a>',
  placeholder: '<蜘蛛词>{关键词}【外链】',
  extB: '张𣵦',
};

/** One display name carrying every hostile piece (within a 64-character limit). */
export const HOSTILE_NAME = `${HOSTILE.extB}${HOSTILE.script}`;
export const HOSTILE_UNIT = `${HOSTILE.link}${HOSTILE.placeholder}局`;
