import React from 'react';

/** A short value kept on one line in a list ("239.6 KB", not "239." over "6 KB"). */
const NoWrap = ({ property, record }) => <span style={{ whiteSpace: 'nowrap' }}>{record.params?.[property.path] ?? ''}</span>;

export default NoWrap;
