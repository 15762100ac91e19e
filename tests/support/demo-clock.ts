/** "Now" for demo-based tests: 26 Nov 2026, 11:30 IST. Tracking starts 1 Nov 2026. */
export const DEMO_NOW = new Date('2026-11-26T06:00:00Z');
/** The same moment for a server or CLI process (CLOCK_AT), inside the demo tenant's working hours. */
export const DEMO_CLOCK_AT = '2026-11-26T11:30:00+05:30';
