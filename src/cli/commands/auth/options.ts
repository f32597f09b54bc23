export interface LoginOptions {
  accessKey?: string;
  secretStdin: boolean;
  credentialStdin: boolean;
  fromClipboard: boolean;
}
