import type { paths } from '../../api/schema';

/** The admin area's records, as the server's route schemas declare them (`npm run gen:api`). */
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type StaffUserView = Json<paths['/v1/staff/users']['get']['responses'][200]>['users'][number];
export type ApiKeyView = Json<paths['/v1/keys']['get']['responses'][200]>['keys'][number];
export type AuditPageView = Json<paths['/v1/audit']['get']['responses'][200]>;
export type AuditItemView = AuditPageView['items'][number];
export type AuditQuery = NonNullable<paths['/v1/audit']['get']['parameters']['query']>;

export const STAFF_ROLES = ['reviewer', 'analyst', 'collector', 'admin'] as const;
export const KEY_ROLES = ['app', 'reviewer', 'analyst', 'collector', 'admin'] as const;
