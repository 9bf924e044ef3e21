/** The few parts of the v3 SDK (auth0@3, installed as auth0-v3) that the emulator tests use. */
declare module 'auth0-v3' {
  type User = { user_id?: string; user_metadata?: Record<string, unknown>; [key: string]: unknown };
  export class ManagementClient {
    constructor(options: { domain: string; clientId: string; clientSecret: string });
    createUser(user: Record<string, unknown>): Promise<User>;
    updateUser(params: { id: string }, patch: Record<string, unknown>): Promise<User>;
    getUsers(params: Record<string, unknown>): Promise<User[]>;
    getUsersByEmail(email: string): Promise<User[]>;
  }
}
