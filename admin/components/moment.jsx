import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';

/**
 * A moment (uploaded, sent, applied at) in this browser's time zone, saying which:
 * "2 Nov 2026, 11:30 GMT+5:30". AdminJS's own display gives the time with no zone.
 */
const FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
});

const readable = (value) => {
  if (!value) return '';
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? String(value) : FORMAT.format(at);
};

const Moment = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const text = readable(record.params?.[property.path]);
  return where === 'show' ? <ValueGroup label={translateProperty(property.label, property.resourceId)}>{text}</ValueGroup> : <span>{text}</span>;
};

export default Moment;
