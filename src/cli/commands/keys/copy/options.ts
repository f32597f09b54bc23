export interface KeysCopyOptions {
  key?: string;
  secretStdin: boolean;
  print: boolean;
  clearAfterMs?: number;
}
