import React from 'react';
import { FormGroup, FormMessage, Input } from '@adminjs/design-system';
import { PropertyLabel, useTranslation } from 'adminjs';

/**
 * A calendar date (holiday, AGM, tracking start), typed as YYYY-MM-DD and sent exactly as typed.
 * AdminJS's own date picker sends local midnight converted to UTC, which is the day before in
 * India, and turns a typed 29 Feb 2026 into 1 March; the server checks the text instead and
 * explains a day that does not exist under the field.
 */
const PlainDate = (props) => (props.where === 'filter' ? <DateRange {...props} /> : <DateField {...props} />);

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
