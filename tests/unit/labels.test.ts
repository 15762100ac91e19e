import { describe, expect, it } from '@jest/globals';
import { itemName, labelFor, periodName, periodWords } from '../../core/engine/labels.js';
import { itemLine } from '../../core/chat/lists.js';
import { masterSchema } from '../../core/engine/master.js';
import { periodsOfFy } from '../../core/engine/periods.js';
import { libraryMaster } from '../../core/library/index.js';

/**
 * Names by period (india-compliance-rules.md §6.3): periods of FY 2025-26 keep the 1961 Act's
 * forms, tax year 2026-27 periods get the 2025 Act's. Sources:
 * https://jurishour.in/notification/tax-audit-report-forms-3ca-3cb-3cd-26-income-tax-act-2025
 * https://camittal.com/income-tax-act-2026-form-number-changes
 * https://www.taxheal.com/tds-return-filing-online-new-forms-as-per-income-tax-rules-2026-and-applicability.html
 * https://wisebooks.in/blog/form-27eq-replaced-by-form-143-complete-guide-to-new-tcs-return-2026
 * https://www.bdo.in/en-gb/insights/alerts-updates/alert-new-employees%E2%80%99-provident-funds-scheme,-2026-notified-under-the-code-on-social-security,-2020
 */
const label = (code: string, fy: number, frequency: 'annual' | 'quarterly' | 'monthly', index = 1) => {
  const period = periodsOfFy(frequency, fy).find((p) => p.index === index)!;
  return labelFor(libraryMaster(code)!, period);
};

describe('the label in force for a period', () => {
  it('keeps Form 3CA/3CB + 3CD under s.44AB for the FY 2025-26 tax audit (due 2026) and uses Form 26 under s.63 from tax year 2026-27', () => {
    expect(label('TAX_AUDIT_3CD', 2025, 'annual')).toEqual({
      title: 'Tax audit report (Form 3CA/3CB + 3CD)', form: 'Form 3CA/3CB + 3CD', section: 's.44AB', law: 'Income-tax Act, 1961', period: 'FY2025-26',
    });
    expect(label('TAX_AUDIT_3CD', 2026, 'annual')).toEqual({
      title: 'Tax audit report (Form 26)', form: 'Form 26', section: 's.63', law: 'Income-tax Act, 2025', period: 'TY 2026-27',
    });
  });

  it('files Q4 of FY 2025-26 on 24Q/26Q/27Q and Q1 of tax year 2026-27 on 138/140/144', () => {
    expect(label('TDS_RETURN_24Q_26Q', 2025, 'quarterly', 4)).toMatchObject({ form: 'Form 24Q / 26Q / 27Q', law: 'Income-tax Act, 1961', period: 'FY2025-26-Q4' });
    expect(label('TDS_RETURN_24Q_26Q', 2026, 'quarterly', 1)).toMatchObject({
      title: 'Quarterly TDS statement (Form 138 / 140 / 144)', form: 'Form 138 / 140 / 144', law: 'Income-tax Act, 2025', period: 'TY 2026-27-Q1',
    });
  });

  it.each([
    ['FORM16', 'annual', 1, 'Form 16', 'Form 130'],
    ['FORM16A', 'quarterly', 1, 'Form 16A', 'Form 131'],
    ['TCS_RETURN_27EQ', 'quarterly', 1, 'Form 27EQ', 'Form 143'],
    ['FORM_3CEB', 'annual', 1, 'Form 3CEB', 'Form 48'],
    ['FORM_67', 'annual', 1, 'Form 67', 'Form 44'],
  ] as const)('%s: %s periods of FY 2025-26 on %s, of tax year 2026-27 on %s', (code, frequency, index, before, after) => {
    expect(label(code, 2025, frequency, index).form).toBe(before);
    expect(label(code, 2026, frequency, index).form).toBe(after);
  });

  it('names s.263(1) for returns of tax year 2026-27 and s.139(1) before', () => {
    expect(label('ITR_AUDIT', 2025, 'annual').section).toBe('s.139(1) Expl. 2(a)');
    expect(label('ITR_AUDIT', 2026, 'annual').section).toBe('s.263(1)');
    expect(label('ITR_NON_AUDIT', 2026, 'annual').section).toBe('s.263(1)');
  });

  it('puts PF under the EPF Scheme 2026 from July 2026 wages and ESI under the Code from November 2025', () => {
    expect(label('PF_ECR', 2026, 'monthly', 3).law).toBe('EPF & MP Act, 1952; EPF Scheme para 38'); // June 2026
    expect(label('PF_ECR', 2026, 'monthly', 4).law).toBe('Code on Social Security, 2020; EPF Scheme, 2026'); // July 2026
    expect(label('ESI', 2025, 'monthly', 7).law).toBe('ESI Act, 1948; ESI (General) Regulations, 1950'); // October 2025
    expect(label('ESI', 2025, 'monthly', 8)).toMatchObject({ law: 'Code on Social Security, 2020; ESI (General) Regulations, 1950', section: 'reg.31' });
  });

  it("falls back to the master's own name, section and law when a version names nothing", () => {
    const own = masterSchema.parse({
      code: 'OWN', name: 'Own filing', category: 'Own', law: 'Some Act', section: 's.1', authority: 'Someone', frequency: 'annual',
      ruleVersions: [{ effectiveFrom: '2020-04-01', rule: { kind: 'after_period_end', months: 1, day: 30 } }],
    });
    expect(labelFor(own, periodsOfFy('annual', 2026)[0]!)).toEqual({ title: 'Own filing', section: 's.1', law: 'Some Act', period: 'FY2026-27' });
  });

  it('names periods as tax years only under the 2025 Act, and leaves month keys alone', () => {
    expect([periodName('FY2026-27', 'tax_year'), periodName('FY2026-27-I2', 'tax_year'), periodName('2026-05', 'tax_year'), periodName('FY2025-26')])
      .toEqual(['TY 2026-27', 'TY 2026-27-I2', '2026-05', 'FY2025-26']);
  });
});

describe('items in messages: names, never codes', () => {
  const item = { code: 'TDS_DEPOSIT', name: 'TDS deposit (challan ITNS-281)', entityName: 'Demo Manufacturing', registration: null, periodKey: '2026-11' };

  it('names an item by its name, entity and period in words', () => {
    expect(itemName(item)).toBe('TDS deposit (challan ITNS-281) · Demo Manufacturing · Nov 2026');
    expect(itemName({ ...item, registration: 'MUMD12345A', periodKey: 'FY2026-27', periodName: 'TY 2026-27' })).toBe('TDS deposit (challan ITNS-281) · Demo Manufacturing · MUMD12345A · TY 2026-27');
    expect(periodWords('FY2026-27-Q3')).toBe('FY2026-27-Q3');
  });

  it('a list line shows the name, not the code', () => {
    const line = itemLine({ ...item, rag: 'amber', dueDate: '2026-12-07', status: 'pending' });
    expect(line).toContainEqual({ bold: 'TDS deposit (challan ITNS-281)' });
    expect(JSON.stringify(line)).not.toContain('TDS_DEPOSIT');
    expect(line).toContain('Nov 2026');
  });
});
