/**
 * India's states and union territories by the two-letter codes the project stores (an entity's
 * and a registration's state, state holidays, applicability): GSTN's abbreviations, as
 * GST_STATE_CODES maps a GSTIN's first two digits to them. Listed by name, as a picker shows them.
 */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  AN: 'Andaman and Nicobar Islands', AP: 'Andhra Pradesh', AR: 'Arunachal Pradesh', AS: 'Assam', BR: 'Bihar',
  CH: 'Chandigarh', CT: 'Chhattisgarh', DN: 'Dadra and Nagar Haveli and Daman and Diu', DD: 'Daman and Diu (before the 2020 merger)',
  DL: 'Delhi', GA: 'Goa', GJ: 'Gujarat', HR: 'Haryana', HP: 'Himachal Pradesh', JK: 'Jammu and Kashmir', JH: 'Jharkhand',
  KA: 'Karnataka', KL: 'Kerala', LA: 'Ladakh', LD: 'Lakshadweep', MP: 'Madhya Pradesh', MH: 'Maharashtra', MN: 'Manipur',
  ML: 'Meghalaya', MZ: 'Mizoram', NL: 'Nagaland', OR: 'Odisha', PY: 'Puducherry', PB: 'Punjab', RJ: 'Rajasthan', SK: 'Sikkim',
  TN: 'Tamil Nadu', TG: 'Telangana', TR: 'Tripura', UP: 'Uttar Pradesh', UK: 'Uttarakhand', WB: 'West Bengal',
};

export const STATE_CODES = Object.keys(STATE_NAMES);

/** The code of a state typed as its code ("gj") or its name ("Gujarat"); undefined for neither. */
export function stateCodeOf(typed: string): string | undefined {
  const text = typed.trim();
  if (Object.hasOwn(STATE_NAMES, text.toUpperCase())) return text.toUpperCase();
  return STATE_CODES.find((code) => STATE_NAMES[code]!.toLowerCase() === text.toLowerCase());
}
