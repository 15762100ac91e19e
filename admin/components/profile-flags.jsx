import React from 'react';
import { Box, CheckBox, FormGroup, FormMessage, Label, Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';

/**
 * An entity's profile (the facts that decide which obligations apply) as one checkbox per flag,
 * each labelled with what it means; the flags and meanings are core's, passed as
 * property.custom.flags. The field still travels as the JSON text the server checks, and a
 * change touches only the flag ticked or unticked (a stored false stays false).
 */
const parse = (text) => {
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
};

const sentence = (meaning) => meaning.charAt(0).toUpperCase() + meaning.slice(1);

const Edit = ({ property, record, onChange }) => {
  const { translateProperty } = useTranslation();
  const flags = property.custom?.flags ?? {};
  const profile = parse(record.params?.[property.path]);
  const error = record.errors?.[property.path];
  const toggle = (flag, on) => {
    const next = { ...profile };
    if (on) next[flag] = true;
    else delete next[flag];
    onChange(property.path, JSON.stringify(next, null, 2));
  };
  return (
    <FormGroup error={Boolean(error)}>
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      <Text variant="sm" mb="default">{property.description}</Text>
      {Object.entries(flags).map(([flag, meaning]) => (
        <Box key={flag} flex alignItems="center" mb="sm" title={flag}>
          <CheckBox id={`profile-${flag}`} name={`profile-${flag}`} checked={profile[flag] === true} onChange={(e) => toggle(flag, e.target.checked)} />
          <Label inline htmlFor={`profile-${flag}`} ml="default" mb={0}>{sentence(meaning)}</Label>
        </Box>
      ))}
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

/** On a show page: the facts that hold, in words. */
const Show = ({ property, record }) => {
  const { translateProperty } = useTranslation();
  const flags = property.custom?.flags ?? {};
  const on = Object.keys(flags).filter((flag) => parse(record.params?.[property.path])[flag] === true);
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      {on.length === 0 ? 'None recorded' : (
        <ul style={{ margin: 0, paddingLeft: 18 }}>{on.map((flag) => <li key={flag} title={flag}>{sentence(flags[flag])}</li>)}</ul>
      )}
    </ValueGroup>
  );
};

const ProfileFlags = (props) => (props.where === 'edit' ? <Edit {...props} /> : <Show {...props} />);

export default ProfileFlags;
