import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { registerDecorator, type ValidationOptions } from 'class-validator';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * zxcvbn's score (0 to 4) a password must reach: 3 is "safely unguessable" (about 10^8 guesses),
 * what NIST SP 800-63B asks of a verifier that checks passwords against lists of common and
 * breached ones.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * The estimator, built on first use: the common-password list (about 50,000 entries from
 * breach corpora) and the keyboard layouts ship with @zxcvbn-ts/language-common, so nothing
 * is fetched at run time.
 */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

/** What zxcvbn found, in words a person can act on. */
const WHY: Record<string, string> = {
  topTen: 'is one of the ten most used passwords',
  topHundred: 'is one of the hundred most used passwords',
  common: 'is on the list of common and breached passwords',
  similarToCommon:
    'is a common or breached password with a few characters added or changed, which guessers try first',
  simpleRepeat: 'repeats the same characters, which guessers try first',
  extendedRepeat: 'repeats a short pattern (such as "abcabc"), which guessers try first',
  sequences: 'is a sequence (such as "abcd" or "1234"), which guessers try first',
  straightRow: 'is a row of keys on the keyboard, which guessers try first',
  keyPattern: 'is a pattern of keys on the keyboard, which guessers try first',
  recentYears: 'relies on a recent year, which guessers try first',
  dates: 'relies on a date, which guessers try first',
  wordByItself: 'is a single word, which guessers try first',
  namesByThemselves: 'is a name, which guessers try first',
  commonNames: 'relies on a common name, which guessers try first',
  userInputs: 'contains your email address or name',
};

const ADVICE = 'choose a passphrase of three or four unrelated words';

/**
 * Why a password is refused, as the end of a sentence that starts with the field's name
 * (`password is on the list of common and breached passwords; choose ...`); null when it is
 * acceptable. At least 12 characters, not only spaces, not one character repeated, and not
 * easy to guess: not on the shipped list of common and breached passwords or a variant of one,
 * not a sequence, a keyboard row or a date (zxcvbn score 3 or more). `personal` are words of the
 * account (its email) that the password should not be built on.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long (it has ${password.length})`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  }
  if (password.trim() === '') return `must not be only spaces; ${ADVICE}`;
  if (new Set(password).size === 1) return `must not be one character repeated; ${ADVICE}`;
  const result: ZxcvbnResult = zxcvbn().check(password, personalWords(personal));
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ?? '';
  return `${WHY[warning] ?? 'is too easy to guess'}; ${ADVICE}`;
}

/** The local part of an email and its pieces (`pat.lee`, `pat`, `lee`). */
function personalWords(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    const local = value.split('@')[0]?.toLowerCase() ?? '';
    return local ? [local, ...local.split(/[^a-z0-9]+/).filter((part) => part.length >= 3)] : [];
  });
}

/**
 * The password rule of `passwordProblem` as a class-validator constraint: the 400 line names the
 * field and says why (`password is on the list of common and breached passwords; ...`). The
 * request's `email`, when it has one, counts as a personal word.
 */
export function IsAcceptablePassword(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args) =>
          typeof value === 'string' && passwordProblem(value, emailOf(args?.object)) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? `${propertyName} ${passwordProblem(args.value, emailOf(args.object))}`
            : `${propertyName} must be a string`,
      },
    });
}

function emailOf(object: unknown): string[] {
  const email = (object as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? [email] : [];
}
