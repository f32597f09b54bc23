import type { KeyFilters } from '../shared/key-filters.js';
import type { SortField } from '../shared/sort-field.js';

export interface KeysListOptions extends KeyFilters {
  sort?: SortField;
  desc: boolean;
  limit?: number;
  /** `--fields`: the JSON field names to print, in order (KEY_LIST_FIELDS). */
  fields?: string[];
}
