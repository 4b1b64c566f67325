import type { TFunction } from 'i18next';
import { APPEAL_EVENT_ACTIONS, APPEAL_STATES, type AppealClock, type AppealEventAction, type AppealState, type ClockKind } from '../../api/types.js';

// Labels as plain functions, with no antd: light resident pages (我要反映) import these alone.

const CLOCK_KINDS: readonly ClockKind[] = ['dispatch', 'sign', 'return', 'reply', 'review', 'callback', 'requested_extension'];

export const isState = (s: string): s is AppealState => (APPEAL_STATES as readonly string[]).includes(s);
const isAction = (a: string): a is AppealEventAction => (APPEAL_EVENT_ACTIONS as readonly string[]).includes(a);

/** 已受理 / Registered; an unknown state is shown as the server sent it. */
export function stateLabel(t: TFunction, state: string): string {
  return isState(state) ? t(`appeals.states.${state}`) : state;
}

/** 派单 / Dispatch; an unknown action is shown as the server sent it. */
export function actionLabel(t: TFunction, action: string): string {
  return isAction(action) ? t(`appeals.actions.${action}`) : action;
}

/** 答复时限 / Reply by. */
export function clockLabel(t: TFunction, kind: string): string {
  return (CLOCK_KINDS as readonly string[]).includes(kind) ? t(`appeals.clocks.${kind as ClockKind}`) : kind;
}

/** The category name in the interface language. */
export function categoryName(language: string, category: { nameZh: string; nameEn: string }): string {
  return language === 'en' ? category.nameEn || category.nameZh : category.nameZh;
}

/** The clock of the current step: the first one the server lists. */
export function currentClock(clocks: readonly AppealClock[]): AppealClock | undefined {
  return clocks.find((c) => c.dueAt);
}
