import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { APPEAL_EVENT_ACTIONS, APPEAL_STATES, type AppealClock, type AppealEventAction, type AppealState, type ClockKind } from '../../api/types.js';

// Shared by the workbench pages and the public status page: labels only, no admin code.

// Dark text on a light background: every pair keeps a contrast ratio above 7:1.
const PALETTE = {
  blue: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  cyan: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
  orange: { color: '#612500', background: '#fff7e6', borderColor: '#ffd591' },
  purple: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
  gold: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  green: { color: '#092b00', background: '#f6ffed', borderColor: '#b7eb8f' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
} as const;

const STATE_COLOURS: Record<AppealState, keyof typeof PALETTE> = {
  registered: 'blue',
  dispatched: 'blue',
  return_requested: 'orange',
  signed: 'cyan',
  in_progress: 'cyan',
  extension_requested: 'orange',
  replied: 'purple',
  awaiting_feedback: 'gold',
  rated: 'gold',
  closed: 'green',
  archived: 'grey',
  merged: 'grey',
};

const CLOCK_KINDS: readonly ClockKind[] = ['dispatch', 'sign', 'return', 'reply', 'review', 'callback', 'requested_extension'];

const isState = (s: string): s is AppealState => (APPEAL_STATES as readonly string[]).includes(s);
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

/** The state as a coloured tag with its name in words. */
export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag className="mh-state-tag" data-state={state} style={PALETTE[isState(state) ? STATE_COLOURS[state] : 'grey']}>
      {stateLabel(t, state)}
    </Tag>
  );
}
