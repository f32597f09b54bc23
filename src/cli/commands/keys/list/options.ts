import type { KeyFilters } from '../shared/key-filters.js';
import type { SortField } from '../shared/sort-field.js';

export interface KeysListOptions extends KeyFilters {
  sort?: SortField;
  desc: boolean;
  limit?: number;
}
