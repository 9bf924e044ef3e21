/** The part of password-sheriff (Auth0's password policy library) the emulator's differential test uses. */
declare module 'password-sheriff' {
  /** The policy of a level name (`none`, `low`, `fair`, `good`, `excellent`; another name is `none`). */
  function policy(name: string): { check(password: string): boolean };
  export = policy;
}
