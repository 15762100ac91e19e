import type { Rag } from '../engine/rag.js';
import type { ChatPerson } from '../ports/item-threads.js';

/** Marks each chat draws its own way (Slack: emoji). */
export type Icon =
  | 'done' | 'refused' | 'warning' | 'wave' | 'celebrate'
  | 'due_soon' | 'due_today' | 'review' | 'calendar' | 'not_applicable' | 'reopened' | 'assigned' | 'escalation';

/**
 * A piece of what a person reads in chat. Core decides the words; each chat decides the markup
 * (bold, italics, mentions) and escapes every plain string, since names, reasons and file names
 * come from people and must never act as a mention, a broadcast or a link.
 */
export type Span =
  | string
  | { bold: string }
  | { italic: string }
  | { code: string }
  | { icon: Icon }
  | { rag: Rag }
  /** A chat account of the chat it is shown in; shown as text when it is not a valid one. */
  | { mention: string }
  /** A person: mentioned by their chat account, else named, else `nobody` (in italics). */
  | { person: ChatPerson; nobody: string }
  /** One of our commands, as the person would type it, e.g. "status <entity>". */
  | { command: string }
  /** The same, as the heading of its line in the list of commands. */
  | { usage: string };

/** A line (or paragraph) of chat text. */
export type ChatText = Span[];

/** Joins lines of chat text with a separator between them. */
export function joinText(parts: ChatText[], separator: Span): ChatText {
  return parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));
}
