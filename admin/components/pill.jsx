import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';

/** A short word on a rounded background in its colour, as the portal shows RAG and statuses. */
export const Pill = ({ background, color, border, title, children, ...data }) => (
  <span {...data} title={title} style={{
    display: 'inline-block', padding: '2px 10px', borderRadius: 12, fontSize: 12, fontWeight: 600, lineHeight: '18px',
    background, color, whiteSpace: 'nowrap', border: `1px solid ${border ?? background}`,
  }}>{children}</span>
);

/** A value shown as itself in a list, and under its label on a show page. */
export const Field = ({ property, where, children }) => {
  const { translateProperty } = useTranslation();
  return where === 'show' ? <ValueGroup label={translateProperty(property.label, property.resourceId)}>{children}</ValueGroup> : children;
};
