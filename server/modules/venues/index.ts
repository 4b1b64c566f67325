import type { HttpModule } from '../../infra/http/app.js';
import { venuesRoutes } from './venues.routes.js';

export { createVenue, type NewVenue } from './commands/create-venue.js';
export { assignMember } from './commands/assign-member.js';
export { createDutyRule, type DutyRuleInput } from './commands/create-duty-rule.js';
export { addDutyException } from './commands/add-duty-exception.js';
export { editMemberProfile } from './commands/edit-member-profile.js';
export { findActiveHallOfTown } from './venues.repository.js';
export { seedDemoVenues } from './venues.seed.js';
export { accountNames, findVenue, listVenuesByIds, searchVenues, venueIdsHeadedBy } from './venues.repository.js';

export const venuesModule: HttpModule = { name: 'venues', routes: venuesRoutes };
