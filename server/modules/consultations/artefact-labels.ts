import type { ArtefactKind } from './consultations.table.js';

/** Names of the artefact kinds, for messages that list what a step lacks. */
export const ARTEFACT_LABELS: Record<ArtefactKind, { zh: string; en: string }> = {
  announcement: { zh: '活动公告', en: 'announcement' },
  agenda: { zh: '议程', en: 'agenda' },
  invitations: { zh: '邀请名单', en: 'invitations' },
  sign_in_list: { zh: '签到名单', en: 'sign-in list' },
  minutes: { zh: '会议纪要', en: 'minutes' },
  photos: { zh: '活动照片', en: 'photos' },
  research_report: { zh: '调研报告', en: 'research report' },
  suggestion_list: { zh: '意见清单', en: 'suggestion list' },
};
