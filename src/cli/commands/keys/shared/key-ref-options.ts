export interface KeyRefOptions {
  key: string;
}
