import { pickFields } from '../../../../core/field-list.js';
import type { Column } from '../../../../output/columns.js';
import type { KeyDetails } from '../shared/key-details.js';
import { FIELD_OF_LABEL } from './field-names.js';
import { detailFields, detailsJson } from './view.js';

/** `keys show --json`, only `fields` (in their order) when given. */
export function showJson(details: KeyDetails, fields?: readonly string[]): unknown {
  const json = detailsJson(details);
  return fields === undefined ? json : pickFields(json, fields);
}

/**
 * The `Label:  value` lines of `keys show`, only `fields` (in their order) when given; a field
 * the view has no line for shows its JSON value under its own name.
 */
export function showFields(
  details: KeyDetails,
  now: Date,
  fields?: readonly string[],
): Column<KeyDetails>[] {
  const lines = detailFields(details, now);
  if (fields === undefined) return lines;
  const json = detailsJson(details) as Record<string, unknown>;
  return fields.map(
    (field) =>
      lines.find((line) => FIELD_OF_LABEL[line.header] === field) ?? {
        header: field,
        value: () => json[field],
      },
  );
}
