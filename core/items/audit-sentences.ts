import { formatBytes } from '../evidence/file-policy.js';
import type { ItemHistory, TimelineAuditEntry } from './history.js';
import { channelWords, codeWords, dayOf, field, textOf, versionOf } from './words.js';

/** What a sentence about one entry may look up: the names of people and registrations. */
type Names = Pick<ItemHistory, 'people' | 'registrations'>;

/** One entry (or a pair written together) as a sentence; null when its partner already says it. */
type Sentence = (entry: TimelineAuditEntry, names: Names, partner: (action: string, offset: 1 | -1) => TimelineAuditEntry | undefined) => string | null;

/** Who did it, by name where the tenant knows one (a user's name; a platform admin or a job by its label). */
function actorName(entry: TimelineAuditEntry, names: Names): string {
  if (entry.actorType === 'user') return names.people.get(entry.actorId) ?? entry.actorLabel ?? 'Someone';
  if (entry.actorType === 'platform_user') return entry.actorLabel ? `Platform admin ${entry.actorLabel}` : 'A platform admin';
  return entry.actorLabel ?? 'The system';
}

/** " by Asha Admin" when a person did it; nothing for a job (the sentence then says what happened). */
const byPerson = (entry: TimelineAuditEntry, names: Names): string => (entry.actorType === 'system' ? '' : ` by ${actorName(entry, names)}`);

const person = (names: Names, id: unknown): string => (typeof id === 'string' && names.people.get(id)) || 'someone no longer listed';
const versionWords = (v: number | undefined): string => (v === undefined ? 'the evidence' : `version ${v}`);
/** "Evidence version 2" ("Evidence" when the entry does not say which). */
const evidenceWords = (after: unknown): string => {
  const v = versionOf(field(after, 'version'));
  return v === undefined ? 'Evidence' : `Evidence version ${v}`;
};
const withReason = (text: string, reason: unknown): string => {
  const said = textOf(reason);
  return said ? `${text}: ${said}` : text;
};

/** Why a download was refused, by the check's finding (the codes of infra's evidence trail). */
const REFUSALS: Record<string, string> = {
  ALTERED: 'the stored file has changed since it was uploaded',
  MISSING: 'the stored file is missing',
  SWAPPED: 'the stored file and its record were both replaced',
  'RECORD CHANGED': 'its record was changed after the upload',
  'NO UPLOAD RECORD': 'the audit trail has no record of its upload',
  'UNRECORDED REVIEW': 'its review was changed outside the product',
  DELETED: 'its record was deleted',
};
const refusalWords = (problems: unknown): string => {
  const list = Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
  return list.length === 0 ? 'its file did not match the upload record' : list.map((p) => (Object.hasOwn(REFUSALS, p) ? REFUSALS[p]! : codeWords(p).toLowerCase())).join('; ');
};

/** The preparer and approver before and after an edit of the item, in words ("made Raj the approver in place of Arjun"). */
function peopleChanged(entry: TimelineAuditEntry, names: Names): string[] {
  const roles = [['owner_user_id', 'preparer'], ['approver_user_id', 'approver']] as const;
  return roles.flatMap(([column, role]) => {
    const was = field(entry.before, column) ?? null;
    const now = field(entry.after, column) ?? null;
    if (was === now) return [];
    if (now === null) return [`left it without ${role === 'approver' ? 'an approver' : 'a preparer'}${was ? ` (was ${person(names, was)})` : ''}`];
    return [`made ${person(names, now)} the ${role}${was ? ` in place of ${person(names, was)}` : ''}`];
  });
}

const SENTENCES: Record<string, Sentence> = {
  'evidence.uploaded': (e, names) => {
    const after = e.after;
    const size = field(after, 'sizeBytes');
    const facts = [textOf(field(after, 'fileName')), typeof size === 'number' ? formatBytes(size) : undefined, textOf(field(after, 'sha256')) && `SHA-256 ${textOf(field(after, 'sha256'))}`]
      .filter(Boolean);
    const channel = textOf(field(after, 'channel'));
    const where = channel ? (channel === 'portal' ? ' on the portal' : ` in ${channelWords(channel)}`) : '';
    return `${actorName(e, names)} uploaded ${versionWords(versionOf(field(after, 'version')))}${where}${facts.length ? ` (${facts.join(', ')})` : ''}`;
  },
  // Written with its upload, which already says it.
  'instance.submitted': (e, names, partner) => (partner('evidence.uploaded', -1) ? null
    : `${actorName(e, names)} submitted ${versionWords(versionOf(field(e.after, 'evidenceVersion')))} for review`),
  // Said with the item's approval written beside it (which carries the filing reference).
  'evidence.approved': (e, names, partner) => (partner('instance.approved', 1) ? null : `${actorName(e, names)} approved ${versionWords(versionOf(field(e.after, 'version')))}`),
  'instance.approved': (e, names, partner) => {
    const evidence = partner('evidence.approved', -1);
    const version = evidence ? versionOf(field(evidence.after, 'version')) : undefined;
    const reference = textOf(field(e.after, 'filingReference'));
    const late = field(e.after, 'late') === true ? ', after the due date' : '';
    return `${actorName(e, names)} approved ${version === undefined ? 'it' : `version ${version}`}${reference ? ` (filing reference ${reference})` : ''}${late}`;
  },
  'evidence.rejected': (e, names) => withReason(`${actorName(e, names)} rejected ${versionWords(versionOf(field(e.after, 'version')))}`, field(e.after, 'reason')),
  // Written with the evidence's rejection, which already says it.
  'instance.rejected': (e, names, partner) => (partner('evidence.rejected', -1) ? null : withReason(`${actorName(e, names)} rejected it`, field(e.after, 'reason'))),
  'instance.not_applicable': (e, names) => withReason(`${actorName(e, names)} marked it not applicable`, field(e.after, 'reason')),
  'instance.reopened': (e, names) => withReason(`${actorName(e, names)} reopened it`, field(e.after, 'reason')),
  'instance.due_date_changed': (e, names) => {
    const from = dayOf(field(e.before, 'dueDate'));
    const to = dayOf(field(e.after, 'dueDate')) ?? 'a new date';
    const reference = textOf(field(e.after, 'reference'));
    const statutory = textOf(field(e.after, 'statutoryDueDate'));
    const rule = textOf(field(e.after, 'extendedDueDate')) ?? statutory;
    // Neither the law's date nor an extension's: the next working day (a weekend or holiday).
    const why = reference ? ` (extension: ${reference})` : rule && rule !== textOf(field(e.after, 'dueDate')) ? ' (the next working day)' : '';
    return `Due date ${from ? `moved from ${from} to ${to}` : `set to ${to}`}${byPerson(e, names)}${why}`;
  },
  'instance.registration_set': (e, names) => {
    const id = textOf(field(e.after, 'registrationId'));
    const registration = (id && names.registrations?.get(id)) || 'one of its entity’s registrations';
    return e.actorType === 'system' ? `Now owed under ${registration}` : `${actorName(e, names)} put it under ${registration}`;
  },
  'instance.updated': (e, names) => {
    const changes = peopleChanged(e, names);
    return `${actorName(e, names)} ${changes.length ? changes.join(' and ') : 'updated the item'}`;
  },
  'escalation.acknowledged': (e, names) => `Acknowledged by ${actorName(e, names)}: the escalation stops repeating`,
  'evidence.downloaded': (e, names) => `${evidenceWords(e.after)} downloaded by ${actorName(e, names)}${field(e.after, 'verified') === true ? ', its SHA-256 checked' : ''}`,
  'evidence.download_refused': (e, names) =>
    `Download of ${evidenceWords(e.after).toLowerCase()} by ${actorName(e, names)} refused: ${refusalWords(field(e.after, 'problems'))}`,
};

const PAST_VERBS = new Set(['created', 'updated', 'deleted']);

/** An action this code has no sentence for: who, and what in words, on the item or which evidence version. */
function generic(e: TimelineAuditEntry, names: Names): string {
  const what = codeWords(e.action.slice(e.action.indexOf('.') + 1));
  const object = e.objectType === 'evidence' ? evidenceWords(e.after).toLowerCase() : 'this item';
  return PAST_VERBS.has(what) ? `${actorName(e, names)} ${what} ${object}` : `${actorName(e, names)} recorded "${what}" on ${object}`;
}

/**
 * The item's audit entries as sentences, in chain order. Entries a use case writes together (an
 * upload and the submission, the evidence's and the item's approval or rejection) read as one.
 */
export function auditSentences(entries: TimelineAuditEntry[], names: Names): { at: Date; text: string }[] {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  return [...entries].sort((a, b) => a.seq - b.seq).flatMap((e) => {
    const partner = (action: string, offset: 1 | -1) => {
      const other = bySeq.get(e.seq + offset);
      return other && other.action === action && other.actorId === e.actorId ? other : undefined;
    };
    const sentence = Object.hasOwn(SENTENCES, e.action) ? SENTENCES[e.action]! : generic;
    const text = sentence(e, names, partner);
    return text === null ? [] : [{ at: e.occurredAt, text }];
  });
}
