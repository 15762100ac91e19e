import React from 'react';
import { useTranslation } from 'adminjs';
import { Field, Pill } from './pill';

/**
 * Each status in a colour of its own, readable at a glance beside RAG: waiting on the preparer
 * (outlined), waiting on the approver (blue), done (green), sent back (dark red), set aside (grey).
 */
const LOOK = {
  pending: { background: '#ffffff', color: '#1f2d3d', border: '#7a8794' },
  submitted: { background: '#1f5fa8', color: '#ffffff' },
  approved: { background: '#1e8449', color: '#ffffff' },
  rejected: { background: '#8e2317', color: '#ffffff' },
  not_applicable: { background: '#e3e7eb', color: '#3c4650', border: '#c3cad1' },
};

/** A status as a pill in its colour, in the words the locale gives it (labels.status.<status>). */
export const StatusPill = ({ status }) => {
  const { tl } = useTranslation();
  return LOOK[status] ? <Pill data-status={status} {...LOOK[status]}>{tl(`status.${status}`, undefined, { defaultValue: status })}</Pill> : null;
};

/** The status column of a list or a show page. */
const Status = (props) => <Field {...props}><StatusPill status={props.record.params?.[props.property.path]} /></Field>;

export default Status;
