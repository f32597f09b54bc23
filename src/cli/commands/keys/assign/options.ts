export interface KeysAssignOptions {
  key: string;
  groups: string[];
  roles: string[];
  removeGroups: string[];
  removeRoles: string[];
  replace: boolean;
  dryRun: boolean;
}
