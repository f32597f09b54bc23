/** The fields `keys list --sort` orders by. */
export type SortField = 'name' | 'created' | 'expires' | 'status' | 'type';
