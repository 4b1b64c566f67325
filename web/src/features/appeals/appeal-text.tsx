import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppealState } from '../../api/types.js';
import { isState, stateLabel } from './appeal-labels.js';

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

export { actionLabel, categoryName, clockLabel, currentClock, stateLabel } from './appeal-labels.js';

/** The state as a coloured tag with its name in words. */
export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag className="mh-state-tag" data-state={state} style={PALETTE[isState(state) ? STATE_COLOURS[state] : 'grey']}>
      {stateLabel(t, state)}
    </Tag>
  );
}
