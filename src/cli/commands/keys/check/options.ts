export interface KeysCheckOptions {
  withinMs: number;
}
