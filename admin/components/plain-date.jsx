import React from 'react';
import { FormGroup, FormMessage, Input, ValueGroup } from '@adminjs/design-system';
import { PropertyLabel, useTranslation } from 'adminjs';

/**
 * A calendar date (holiday, AGM, tracking start), typed as YYYY-MM-DD and sent exactly as typed,
 * listed and shown as 7 Dec 2026.
 * AdminJS's own date picker sends local midnight converted to UTC, which is the day before in
 * India, and turns a typed 29 Feb 2026 into 1 March; the server checks the text instead and
 * explains a day that does not exist under the field.
 */
const PlainDate = (props) => {
  if (props.where === 'filter') return <DateRange {...props} />;
  if (props.where === 'list') return <span>{readable(props.record.params?.[props.property.path])}</span>;
  if (props.where === 'show') return <DateShown {...props} />;
  return <DateField {...props} />;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-12-07 as people read it, 7 Dec 2026, from the text alone (no Date, so no time zone); anything else as it is. */
const readable = (value) => {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return day ? `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]} ${day[1]}` : (value ?? '');
};

const DateShown = ({ property, record }) => {
  const { translateProperty } = useTranslation();
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{readable(record.params?.[property.path])}</ValueGroup>;
};

const DateField = ({ property, record, onChange }) => {
  const { tm } = useTranslation();
  const error = record.errors?.[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <Input
        id={property.path}
        name={property.path}
        placeholder="YYYY-MM-DD"
        autoComplete="off"
        value={record.params?.[property.path] ?? ''}
        onChange={(event) => onChange(property.path, event.target.value.trim())}
        disabled={property.isDisabled}
      />
      <FormMessage>{error && tm(error.message, property.resourceId)}</FormMessage>
    </FormGroup>
  );
};

/** From and to days for a list filter (AdminJS's `path~~from` / `path~~to` keys). */
const DateRange = ({ property, filter, onChange }) => (
  <FormGroup variant="filter">
    <PropertyLabel property={property} filter />
    {['from', 'to'].map((end) => {
      const key = `${property.path}~~${end}`;
      return (
        <Input
          key={end}
          name={`filter-${key}`}
          placeholder={`${end} YYYY-MM-DD`}
          autoComplete="off"
          mb="sm"
          value={filter[key] ?? ''}
          onChange={(event) => onChange(key, event.target.value.trim())}
        />
      );
    })}
  </FormGroup>
);

export default PlainDate;
