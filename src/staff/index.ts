/**
 * The staff context's public surface (see docs/staff.md): how a staff user is shown, pure. Staff users,
 * their sign-in and sessions live in the platform (`platform/auth/staff-auth.ts`, the `StaffAuth` port,
 * its roles and settings); this context is the console's sign-in, the admin's user management and the
 * audit viewer over HTTP (`staff.routes.ts`) and the `credence users` command (`users.cli.ts`), both
 * wired by the composition root and the CLI.
 */
export { userDto, type StaffUserView } from './staff-user-view.ts';
