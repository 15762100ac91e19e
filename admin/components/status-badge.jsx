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

/** The status column of a list or a show page, in the words the locale gives each status. */
const Status = (props) => {
  const { tl } = useTranslation();
  const { property, record, resource } = props;
  const status = record.params?.[property.path];
  if (!LOOK[status]) return null;
  return (
    <Field {...props}>
      <Pill data-status={status} {...LOOK[status]}>{tl(`${property.propertyPath}.${status}`, resource?.id ?? property.resourceId, { defaultValue: status })}</Pill>
    </Field>
  );
};

export default Status;
