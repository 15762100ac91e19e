import React from 'react';
import { Field, Pill } from './pill';

/** The RAG colours every portal page uses (the dashboard's tiles too). */
export const RAG_COLORS = { red: '#c0392b', amber: '#d68910', green: '#1e8449' };
// Dark text on amber: white on it would be too faint to read.
const TEXT = { red: '#ffffff', amber: '#1f1300', green: '#ffffff' };
const WORDS = { red: 'Red', amber: 'Amber', green: 'Green' };
/** What each colour means (core's ragOf), shown on hover. */
const MEANING = {
  red: 'Open past its due date',
  amber: 'Open and due within the amber window, or rejected',
  green: 'Done (approved or not applicable), or due beyond the amber window',
};

/** A RAG value as a badge in its colour: "Red" on red. */
export const RagBadge = ({ rag }) => (RAG_COLORS[rag]
  ? <Pill data-rag={rag} title={MEANING[rag]} background={RAG_COLORS[rag]} color={TEXT[rag]}>{WORDS[rag]}</Pill>
  : null);

/** The RAG column of a list or a show page. */
const Rag = (props) => <Field {...props}><RagBadge rag={props.record.params?.[props.property.path]} /></Field>;

export default Rag;
