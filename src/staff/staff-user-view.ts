import type { StaffUser } from '../platform/auth/staff-auth.ts';

/** A staff user as the API and `credence users … --json` show it (never the hash). */
export function userDto(user: StaffUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabled,
    failedAttempts: user.failedAttempts,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export type StaffUserView = ReturnType<typeof userDto>;
