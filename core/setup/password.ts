/**
 * How hard a password or a secret must be to guess: one policy for every password a person
 * sets (portal people, ADMIN_PASSWORD) and one for the secrets that sign links and encrypt
 * tokens. Each check says what to change, or gives undefined when the value will do.
 */

const MIN_LENGTH = 12;
const MIN_DISTINCT = 6;
/** What people try first, and what a guesser tries first (this product's name among them). Longest first. */
const WELL_KNOWN = [
  'complianceos', 'compliance', 'iloveyou', 'password', 'passw0rd', 'changeme', 'welcome', 'letmein', 'qwertz', 'qwerty',
  'azerty', 'asdfgh', 'zxcvbn', 'dragon', 'monkey', 'secret', 'admin', 'abc123', '123456', '654321', '111111', '000000',
];
const WORDS_OF_YOUR_OWN = 'choose words of your own';

/** Why a password will not do, or undefined. `email` is the person's, when known. */
export function passwordProblem(password: string, email?: string): string | undefined {
  const text = password.trim();
  if ([...text].length < MIN_LENGTH) {
    return `use at least ${MIN_LENGTH} characters (spaces at the start or end do not count); a few words of your own make a good one`;
  }
  if (new Set(text).size < MIN_DISTINCT) {
    return `use at least ${MIN_DISTINCT} different characters: a few repeated (like "aaaaaaaaaaaa" or "abababababab") are guessed at once`;
  }
  const letters = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (isWellKnown(letters)) {
    return `too close to a well-known password (like "password", "123456", "qwerty" or this product’s name, with digits): ${WORDS_OF_YOUR_OWN}`;
  }
  if (isRun(letters)) return `a run like "abcdefghijkl" is guessed at once: ${WORDS_OF_YOUR_OWN}`;
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 3 && text.toLowerCase().includes(name)) {
    return `do not use your email name ("${name}") in your password: ${WORDS_OF_YOUR_OWN}`;
  }
  return undefined;
}

/** Nothing but well-known passwords once digits are set aside: "Password!2026", "qwerty123456". */
function isWellKnown(letters: string): boolean {
  const rest = WELL_KNOWN.reduce((text, word) => text.split(word).join(''), letters);
  return rest.length < letters.length && /^\p{N}*$/u.test(rest);
}

/** Every character one after (or before) the last: "abcdefghijkl", "zyxwvutsrqpo". */
function isRun(letters: string): boolean {
  const step = letters.charCodeAt(1) - letters.charCodeAt(0);
  return Math.abs(step) === 1 && [...letters].every((_, i) => i === 0 || letters.charCodeAt(i) - letters.charCodeAt(i - 1) === step);
}

export const MIN_SECRET_BITS = 128;

/**
 * A cautious guess at a secret's randomness: each character that is not predictable from the
 * ones before it (a run "aaaa", a sequence "abcd" or "2468", a repeat of three earlier
 * characters "deadbeefdeadbeef") adds log2 of the alphabet the secret draws from.
 */
export function estimatedSecretBits(secret: string): number {
  let surprising = 0;
  for (let i = 0; i < secret.length; i++) if (!predictable(secret, i)) surprising += 1;
  return Math.floor(surprising * Math.log2(alphabetSize(secret)));
}

function predictable(s: string, i: number): boolean {
  if (i === 0) return false;
  const step = s.charCodeAt(i) - s.charCodeAt(i - 1);
  if (step === 0) return true;
  if (i < 2) return false;
  return step === s.charCodeAt(i - 1) - s.charCodeAt(i - 2) || s.slice(0, i).includes(s.slice(i - 2, i + 1));
}

function alphabetSize(secret: string): number {
  if (/^[0-9a-f]+$/i.test(secret)) return 16;
  const classes: [RegExp, number][] = [[/[0-9]/, 10], [/[a-z]/, 26], [/[A-Z]/, 26], [/[^0-9a-zA-Z]/, 33]];
  return classes.reduce((size, [chars, count]) => size + (chars.test(secret) ? count : 0), 0);
}

/** Why a secret (APP_SECRET, ENCRYPTION_KEY) is too guessable, or undefined. */
export function secretProblem(secret: string): string | undefined {
  const bits = estimatedSecretBits(secret);
  if (bits >= MIN_SECRET_BITS) return undefined;
  return `too easy to guess: about ${bits} bits of randomness, at least ${MIN_SECRET_BITS} needed `
    + '(runs like "aaaa", sequences like "abcd" and repeated pieces count for almost nothing). Make one with: openssl rand -hex 32';
}
