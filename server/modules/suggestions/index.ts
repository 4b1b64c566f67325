import type { HttpModule } from '../../infra/http/app.js';
import { suggestionsRoutes } from './suggestions.routes.js';

export type { SuggestionsTables } from './suggestions.table.js';
export { rollUp, type Rollup, type RollupInput } from './suggestion-rollups.js';
export { suggestionCountsOfEvent } from './suggestion-counts.js';
export type { SuggestionDecision } from './suggestion.workflow.js';
/** The commands, for demo seeds that act as the accounts whose job each step is. */
export { addSuggestion, addSuggestionIn } from './commands/add-suggestion.js';
export { issueSuggestionList } from './commands/issue-suggestion-list.js';
export { decideSuggestionCommand } from './commands/decide-suggestion.js';
export { assignSuggestion } from './commands/assign-suggestion.js';
export { respondToAssignment } from './commands/respond-to-assignment.js';
export { replyToSuggestion } from './commands/reply-to-suggestion.js';
export { reportProgress } from './commands/report-progress.js';
export { giveFeedback } from './commands/give-feedback.js';

/** Public reads and file helpers for the showcase, search and open data. */
export { publicSuggestion, type PublicSuggestion } from './public-suggestion.js';
export { csvLine, neutralise, attachment } from './suggestion-exports.js';

export const suggestionsModule: HttpModule = { name: 'suggestions', routes: suggestionsRoutes };
