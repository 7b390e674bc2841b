import type { Database } from '../../platform/database/database.ts';
import type { FacilityDeps } from './facility-ports.ts';
import type { Facility, FacilityProduct } from './facility.ts';
import { findFacilities, findFacility } from './facility.pg.ts';
import {
  openOrAdjustFacility,
  type FacilityOutcome,
  type OpenOrAdjustFacilityInput,
} from './open-or-adjust-facility.ts';
import { setFacilityStatus, type FacilityStatusInput } from './set-facility-status.ts';

export type { FacilityDeps } from './facility-ports.ts';
export {
  openOrAdjustFacility,
  type FacilityOutcome,
  type OpenOrAdjustFacilityInput,
} from './open-or-adjust-facility.ts';
export { setFacilityStatus, type FacilityStatusInput } from './set-facility-status.ts';

/** Credit facilities as a service that owns its transactions (HTTP, CLI, tests). */
export interface FacilityService {
  openOrAdjustFacility(input: OpenOrAdjustFacilityInput): Promise<FacilityOutcome>;
  freezeFacility(input: FacilityStatusInput): Promise<Facility>;
  suspendFacility(input: FacilityStatusInput): Promise<Facility>;
  reactivateFacility(input: FacilityStatusInput): Promise<Facility>;
  closeFacility(input: FacilityStatusInput): Promise<Facility>;
  getFacility(customerId: string, product: FacilityProduct): Promise<Facility | undefined>;
  listFacilities(customerId: string): Promise<Facility[]>;
}

export function createFacilityService(db: Database, deps: FacilityDeps): FacilityService {
  const status = (change: 'freeze' | 'suspend' | 'reactivate' | 'close') => (input: FacilityStatusInput) =>
    db.transaction((tx) => setFacilityStatus(tx, deps, change, input));
  return {
    openOrAdjustFacility: (input) => db.transaction((tx) => openOrAdjustFacility(tx, deps, input)),
    freezeFacility: status('freeze'),
    suspendFacility: status('suspend'),
    reactivateFacility: status('reactivate'),
    closeFacility: status('close'),
    getFacility: (customerId, product) => findFacility(db, customerId, product),
    listFacilities: (customerId) => findFacilities(db, customerId),
  };
}
