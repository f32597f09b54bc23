import { InputNeededError, UsageError } from '../../../../core/errors.js';
import { type Expiry, parseExpiry, parseExpiryDuration } from '../../../../core/expiry.js';
import { EXPIRY_ENUM } from '../../../../core/expiry-enum.js';
import { quoteForMessage } from '../../../../core/quote.js';
import { formatWireSeconds } from '../../../../core/timestamp.js';
import type { UpdateKeyRequest } from '../../../../wire/types.js';
import type { KeysExpireOptions } from './options.js';

/** The new expiry of `keys expire`: the PATCH body and, for people, the instant (null = never). */
export interface ExpirePlan {
  body: Pick<UpdateKeyRequest, 'expiry_enum' | 'expiry_time'>;
  /** Zone-less UTC seconds, as `expiry_time` is written; null for never. */
  expiryTime: string | null;
  /** How a duration was read: `end of the UTC day, 30 days from now` or `exactly 12h from now`. */
  note?: string;
}

/**
 * Reads `--in`, `--on` or `--never` against `now`. `--in` follows the one duration rule of
 * `--expires` (core/expiry.ts parseExpiryDuration): `30d` ends at 23:59:59 UTC of that day,
 * `12h` is exact. It is always sent as a `Custom value` (the instant the user was told).
 * `--on` takes what `--expires` takes for dates: a plain date ends at 23:59:59 UTC that day.
 *
 * @throws UsageError for a value that is not a date, or an instant that is not in the future.
 */
export function planExpiry(options: KeysExpireOptions, now: Date): ExpirePlan {
  if (options.never) {
    return { body: { expiry_enum: EXPIRY_ENUM.NEVER }, expiryTime: null };
  }
  if (options.in !== undefined) {
    const expiry = parseExpiryDuration(options.in, now);
    const expiryTime = formatWireSeconds(expiry.at);
    return {
      body: { expiry_enum: EXPIRY_ENUM.CUSTOM, expiry_time: expiryTime },
      expiryTime,
      ...(expiry.note === undefined ? {} : { note: expiry.note }),
    };
  }
  const text = options.on?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new UsageError(`--on expects a date, not ${quoteForMessage(text)}`, {
      hint: 'e.g. --on 2027-01-31 or --on 2027-01-31T12:00:00Z; for a duration use --in',
    });
  }
  const expiry = parseExpiry(text, now);
  if (expiry.kind !== 'at') throw new UsageError('--on expects a date');
  const expiryTime = formatWireSeconds(expiry.at);
  return { body: { expiry_enum: EXPIRY_ENUM.CUSTOM, expiry_time: expiryTime }, expiryTime };
}

/** Whether one of `--in`, `--on`, `--never` was given (else the new expiry is asked). */
export function expiryGiven(options: KeysExpireOptions): boolean {
  return options.never || options.in !== undefined || options.on !== undefined;
}

/** Without a terminal a missing expiry cannot be asked: exit 8 naming the flags. */
export function requireExpiryWithoutPrompt(options: KeysExpireOptions, interactive: boolean): void {
  if (interactive || expiryGiven(options)) return;
  throw new InputNeededError(
    'a new expiry is required: pass --in <duration>, --on <date> or --never',
    {
      hint: 'e.g. helixctl keys expire <key> --in 90d',
    },
  );
}

/** The plan for an expiry chosen at the prompt: like `--in`/`--on`, always a Custom value. */
export function planChosenExpiry(expiry: Expiry): ExpirePlan {
  if (expiry.kind === 'never')
    return { body: { expiry_enum: EXPIRY_ENUM.NEVER }, expiryTime: null };
  const expiryTime = formatWireSeconds(expiry.at);
  return {
    body: { expiry_enum: EXPIRY_ENUM.CUSTOM, expiry_time: expiryTime },
    expiryTime,
    ...(expiry.note === undefined ? {} : { note: expiry.note }),
  };
}
