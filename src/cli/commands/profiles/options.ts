export interface ProfileNameOptions {
  name: string;
}
