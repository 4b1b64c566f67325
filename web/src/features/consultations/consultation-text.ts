import type { TFunction } from 'i18next';
import type { ArtefactKind, ConsultationState } from '../../api/types.js';

/** The names of artefact kinds, joined the way the interface language lists things. */
export function kindList(t: TFunction, kinds: readonly ArtefactKind[]): string {
  return kinds.map((k) => t(`consultations.kinds.${k}`)).join(t('consultations.listSeparator'));
}

// Colours whose text keeps WCAG AA contrast on their tag background.
export const STATE_COLORS: Record<ConsultationState, string> = { planned: 'blue', in_progress: 'purple', completed: 'geekblue', cancelled: 'default' };
